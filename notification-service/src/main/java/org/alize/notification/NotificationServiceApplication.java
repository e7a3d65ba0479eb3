package org.alize.notification;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.alize.basin.events.BasinEvents;
import org.alize.finance.events.FinanceEvents;
import org.alize.messaging.EventCatalog;
import org.alize.project.events.ProjectEvents;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    @Bean
    EventCatalog basinEvents() {
        return EventCatalog.of(BasinEvents.TOPIC, BasinEvents.TYPES);
    }

    @Bean
    EventCatalog projectEvents() {
        return EventCatalog.of(ProjectEvents.TOPIC, ProjectEvents.TYPES);
    }

    @Bean
    EventCatalog financeEvents() {
        return EventCatalog.of(FinanceEvents.TOPIC, FinanceEvents.TYPES);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI notificationServiceApi() {
        return new OpenAPI().info(new Info().title("ALIZÉ — notification-service").version("v1")
                .description("Les courriels que la plateforme envoie aux personnes des bassins (décisions, convocations…), "
                        + "selon les préférences de chacun : tout de suite, en résumé hebdomadaire, ou pas du tout ; le "
                        + "journal des envois du bassin. Erreurs au format application/problem+json."));
    }
}
