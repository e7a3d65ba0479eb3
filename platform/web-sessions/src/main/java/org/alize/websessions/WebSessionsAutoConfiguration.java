package org.alize.websessions;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * Login sessions in MongoDB for a servlet application that has this module: {@code alize.web-sessions.database}
 * names the database (the application's name with {@code _sessions} by default), {@code server.servlet.session.timeout}
 * their lifetime since the last request, and Boot's session support sets the cookie from
 * {@code server.servlet.session.cookie.*} as before. {@code alize.web-sessions.enabled=false} leaves sessions in the
 * instance's memory.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "alize.web-sessions.enabled", havingValue = "true", matchIfMissing = true)
@EnableSpringHttpSession
public class WebSessionsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SessionRepository.class)
    MongoSessionRepository alizeSessionRepository(MongoClient mongo, Environment environment, ObjectProvider<Clock> clock) {
        String application = environment.getProperty("spring.application.name", "alize").replaceAll("[^A-Za-z0-9]", "_");
        String database = environment.getProperty("alize.web-sessions.database", application + "_sessions");
        Duration timeout = environment.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30));
        MongoSessionRepository repository = new MongoSessionRepository(
                mongo.getDatabase(database).getCollection("http_sessions", Document.class), timeout,
                clock.getIfAvailable(Clock::systemUTC));
        repository.ensureIndexes();
        return repository;
    }
}
