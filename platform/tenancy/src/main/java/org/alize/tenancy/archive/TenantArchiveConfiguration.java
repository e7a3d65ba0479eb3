package org.alize.tenancy.archive;

import java.time.Clock;

import com.mongodb.client.MongoClient;
import org.alize.tenancy.mongo.TenancyMongoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The basin archive's export, in the services that keep a system of record ({@code alize.tenancy.archive.enabled}):
 * basin-, project- and finance-service. Identity- and reporting-service keep what they derive from the events, which
 * the archive carries: a platform that imports it rebuilds them by reading those events.
 */
@AutoConfiguration(after = TenancyMongoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "alize.tenancy.archive.enabled", havingValue = "true")
public class TenantArchiveConfiguration {

    @Bean
    @ConditionalOnBean(MongoClient.class)
    TenantArchives alizeTenantArchives(MongoClient client, Environment environment, ObjectProvider<TenantArchivePart> parts,
            ObjectProvider<Clock> clock) {
        return new TenantArchives(client, TenancyMongoConfiguration.databasePrefix(environment),
                environment.getProperty("spring.application.name", "alize"), parts.orderedStream().toList(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(TenantArchives.class)
    TenantArchiveController alizeTenantArchiveController(TenantArchives archives) {
        return new TenantArchiveController(archives);
    }
}
