package org.alize.messaging.outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The administrators' endpoint for parked events, in a service that serves HTTP. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.springframework.web.bind.annotation.RestController",
        "org.springframework.security.oauth2.jwt.Jwt"})
public class OutboxWebConfiguration {

    @Bean
    OutboxAdminController alizeOutboxAdminController(OutboxAdministration administration) {
        return new OutboxAdminController(administration);
    }
}
