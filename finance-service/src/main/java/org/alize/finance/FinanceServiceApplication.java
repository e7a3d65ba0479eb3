package org.alize.finance;

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

@SpringBootApplication
@ConfigurationPropertiesScan
public class FinanceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FinanceServiceApplication.class, args);
    }

    @Bean
    EventCatalog financeEvents() {
        return EventCatalog.of(FinanceEvents.TOPIC, FinanceEvents.TYPES);
    }

    @Bean
    EventCatalog projectEvents() {
        return EventCatalog.of(ProjectEvents.TOPIC, ProjectEvents.TYPES);
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
    OpenAPI financeServiceApi() {
        return new OpenAPI().info(new Info().title("ALIZÉ — finance-service").version("v1")
                .description("Fonds d'avances et compte de fonctionnement, contributions, avances remboursables et "
                        + "échéanciers, impayés, pertes, journal en partie double et export FEC. Les commandes qui "
                        + "déplacent de l'argent acceptent l'en-tête Idempotency-Key. Erreurs au format "
                        + "application/problem+json."));
    }
}
