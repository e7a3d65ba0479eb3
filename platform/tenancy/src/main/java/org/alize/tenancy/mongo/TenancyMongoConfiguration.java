package org.alize.tenancy.mongo;

import com.mongodb.client.MongoClient;
import org.alize.tenancy.personal.PersonalData;
import org.alize.tenancy.personal.PersonalDataScrubber;
import org.alize.tenancy.personal.PersonalKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Replaces Boot's single-database factory with the basin-routing one. The prefix is
 * {@code alize.tenancy.database-prefix}, by default the application name without its
 * {@code -service} suffix ({@code project-service} → {@code project_valenciennois}).
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({MongoClient.class, MongoDatabaseFactory.class})
public class TenancyMongoConfiguration {

    @Bean
    @ConditionalOnBean(MongoClient.class)
    BasinDatabaseIndexes alizeBasinDatabaseIndexes(MongoClient client, ObjectProvider<MongoMappingContext> mappingContext,
            ObjectProvider<MongoConverter> converter) {
        return new BasinDatabaseIndexes(client, mappingContext, converter);
    }

    @Bean
    @ConditionalOnBean(MongoClient.class)
    BasinRoutingMongoDatabaseFactory mongoDatabaseFactory(MongoClient client, Environment environment,
            BasinDatabaseIndexes indexes) {
        return new BasinRoutingMongoDatabaseFactory(client, databasePrefix(environment), indexes);
    }

    /** Leases that let scheduled work run once across the service's instances. */
    @Bean
    @ConditionalOnBean(MongoClient.class)
    ClusterLocks alizeClusterLocks(ObjectProvider<org.springframework.data.mongodb.core.MongoOperations> mongo,
            ObjectProvider<java.time.Clock> clock) {
        return new ClusterLocks(mongo::getObject, clock.getIfAvailable(java.time.Clock::systemUTC), ClusterLocks.instanceName());
    }

    /** Offboarding's purge of a basin in this service: see {@link org.alize.tenancy.archive.TenantPurger}. */
    @Bean
    @ConditionalOnBean(MongoClient.class)
    org.alize.tenancy.archive.TenantPurger alizeTenantPurger(MongoClient client, Environment environment,
            ObjectProvider<java.time.Clock> clock, BasinDatabaseIndexes indexes, BasinRoutingMongoDatabaseFactory databases) {
        org.alize.tenancy.archive.TenantPurger purger = new org.alize.tenancy.archive.TenantPurger(client,
                databasePrefix(environment), clock.getIfAvailable(java.time.Clock::systemUTC), indexes::forget);
        databases.sealPurged(purger::purged);
        return purger;
    }

    /** The key vault of crypto-shredding: see {@link PersonalKeys}. */
    @Bean
    @ConditionalOnBean(MongoClient.class)
    PersonalKeys alizePersonalKeys(MongoClient client, Environment environment, ObjectProvider<java.time.Clock> clock) {
        String database = environment.getProperty("alize.personal-data.vault-database", "alize_vault");
        return new PersonalKeys(client, database, clock.getIfAvailable(java.time.Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(MongoClient.class)
    PersonalData alizePersonalData(PersonalKeys keys) {
        return new PersonalData(keys);
    }

    @Bean
    PersonalDataScrubber alizePersonalDataScrubber() {
        return new PersonalDataScrubber();
    }

    public static String databasePrefix(Environment environment) {
        String configured = environment.getProperty("alize.tenancy.database-prefix");
        String prefix = configured != null ? configured
                : environment.getProperty("spring.application.name", "alize").replaceFirst("-service$", "");
        if (!prefix.matches("^[a-z][a-z0-9]{1,19}$")) {
            throw new IllegalStateException("alize.tenancy.database-prefix must be 2-20 lowercase letters or digits, not '"
                    + prefix + "'");
        }
        return prefix;
    }
}
