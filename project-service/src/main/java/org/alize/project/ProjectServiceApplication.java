package org.alize.project;

import java.time.Clock;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.alize.basin.events.BasinEvents;
import org.alize.messaging.EventCatalog;
import org.alize.project.events.ProjectEvents;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ProjectServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectServiceApplication.class, args);
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
    OpenAPI projectServiceApi() {
        return new OpenAPI().info(new Info().title("ALIZÉ — project-service").version("v1")
                .description("Projets, diagnostics, séances du comité d'agrément, conventions de coopération, missions de "
                        + "compétences et suivi par le mandataire. Erreurs au format application/problem+json."));
    }
}
