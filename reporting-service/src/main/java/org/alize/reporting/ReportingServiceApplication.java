package org.alize.reporting;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.alize.basin.events.BasinEvents;
import org.alize.finance.events.FinanceEvents;
import org.alize.messaging.EventCatalog;
import org.alize.project.events.ProjectEvents;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
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
    OpenAPI reportingServiceApi() {
        return new OpenAPI().info(new Info().title("ALIZÉ — reporting-service").version("v1")
                .description("Indicateurs par bassin et par année face aux références du programme, vue du réseau avec "
                        + "rangs et quartiles, exports. Erreurs au format application/problem+json."));
    }
}
