package org.alize.basin;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.alize.basin.events.BasinEvents;
import org.alize.messaging.EventCatalog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class BasinServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BasinServiceApplication.class, args);
    }

    @Bean
    EventCatalog basinEvents() {
        return EventCatalog.of(BasinEvents.TOPIC, BasinEvents.TYPES);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI basinServiceApi() {
        return new OpenAPI().info(new Info().title("ALIZÉ — basin-service").version("v1")
                .description("Registre national des bassins, organisations, comités, conventions de partenariat, "
                        + "dispositifs locaux et réunions du réseau. Erreurs au format application/problem+json."));
    }
}
