package org.alize.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring Boot application at the shared test infrastructure and at the test token issuer.
 */
public class AlizeInfraInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infra = TestInfrastructure.shared();
        TestIssuer issuer = TestIssuer.shared();
        List<String> properties = new ArrayList<>(List.of(
                "spring.mongodb.uri=" + infra.mongoConnectionString(),
                "spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE));
        if (infra.isEmbedded()) {
            properties.add("management.health.mongodb.enabled=false");
        }
        TestPropertyValues.of(properties).applyTo(context);
    }
}
