package org.alize.messaging.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.mongo.BasinRoutingMongoDatabaseFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The recovery scan: at start-up, and then periodically, finds every aggregate of this service whose
 * document still holds outbox entries (in every basin's database and the network one) and publishes
 * them. This is what makes a crash between the write and the publish lose nothing.
 */
public class OutboxRecovery implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRecovery.class);

    private final MongoClient client;
    private final BasinRoutingMongoDatabaseFactory databases;
    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final OutboxRelay relay;
    private final Duration sweepInterval;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alize-outbox-sweep");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRecovery(MongoClient client, BasinRoutingMongoDatabaseFactory databases, MongoTemplate mongo,
            MongoMappingContext mappingContext, OutboxRelay relay, Duration sweepInterval) {
        this.client = client;
        this.databases = databases;
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.relay = relay;
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        recoverAll();
        if (!sweepInterval.isZero() && !sweepInterval.isNegative()) {
            sweeper.scheduleWithFixedDelay(this::recoverAll, sweepInterval.toMillis(), sweepInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes every pending event of this service; returns how many were published. */
    public int recoverAll() {
        int published = 0;
        try {
            for (Tenant tenant : tenants()) {
                try (BasinContext.Scope ignored = tenant.open()) {
                    published += recover(tenant);
                } catch (org.alize.tenancy.PurgedBasinException purged) {
                    log.debug("outbox recovery skips {}: {}", tenant, purged.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.warn("outbox recovery scan interrupted: {}", e.getMessage());
        }
        if (published > 0) {
            log.info("outbox recovery published {} pending event(s)", published);
        }
        return published;
    }

    private int recover(Tenant tenant) {
        int published = 0;
        for (Class<? extends AggregateRoot> type : aggregateTypes()) {
            for (AggregateRoot pending : mongo.find(query(where("outbox.0").exists(true).and("outboxParkedOn").exists(false)), type)) {
                Object id = mappingContext.getRequiredPersistentEntity(type).getIdentifierAccessor(pending).getIdentifier();
                try {
                    published += relay.drain(type, id);
                } catch (RuntimeException e) {
                    log.warn("outbox of {} {} in {} not published yet: {}", type.getSimpleName(), id, tenant, e.getMessage());
                }
            }
        }
        return published;
    }

    private List<Tenant> tenants() {
        String prefix = databases.prefix() + "_";
        List<Tenant> tenants = new ArrayList<>();
        for (String name : client.listDatabaseNames()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            String suffix = name.substring(prefix.length());
            if (BasinRoutingMongoDatabaseFactory.networkDatabase(databases.prefix()).equals(name)) {
                tenants.add(Tenant.NETWORK);
            } else if (BasinId.isValid(suffix)) {
                tenants.add(new Tenant(BasinId.of(suffix)));
            }
        }
        return tenants;
    }

    @SuppressWarnings("unchecked")
    private List<Class<? extends AggregateRoot>> aggregateTypes() {
        List<Class<? extends AggregateRoot>> types = new ArrayList<>();
        for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
            if (AggregateRoot.class.isAssignableFrom(entity.getType())
                    && !java.lang.reflect.Modifier.isAbstract(entity.getType().getModifiers())) {
                types.add((Class<? extends AggregateRoot>) entity.getType());
            }
        }
        return types;
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }
}
