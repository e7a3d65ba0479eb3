package org.alize.identity;

import java.time.Clock;

import org.alize.basin.events.BasinEvents;
import org.alize.messaging.EventCatalog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The platform's OpenID Connect provider: accounts, logins, grants and signing keys. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IdentityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCatalog basinEvents() {
        return EventCatalog.of(BasinEvents.TOPIC, BasinEvents.TYPES);
    }
}
