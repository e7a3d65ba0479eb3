package org.alize.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.mongodb.client.MongoClient;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.kafka.ConsumerLag;
import org.alize.messaging.kafka.DeadLetters;
import org.alize.messaging.outbox.OutboxAdministration;
import org.alize.messaging.outbox.EventSealer;
import org.alize.messaging.outbox.OutboxCallbacks;
import org.alize.messaging.outbox.OutboxRecovery;
import org.alize.messaging.outbox.OutboxRelay;
import org.alize.messaging.outbox.OutboxWebConfiguration;
import org.alize.messaging.outbox.ParkedEvent;
import org.alize.tenancy.mongo.BasinRoutingMongoDatabaseFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** Wires the CloudEvents publisher, the outbox, idempotent consumption and dead letters. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.alize.tenancy.mongo.TenancyMongoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
@Import(OutboxWebConfiguration.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventTypes alizeEventTypes(List<EventCatalog> catalogs) {
        return new EventTypes(catalogs);
    }

    @Bean
    CloudEventPublisher alizeCloudEventPublisher(KafkaProperties kafka, MessagingProperties properties,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers, ObjectProvider<ObservationRegistry> observations) {
        Map<String, Object> configs = new HashMap<>(kafka.buildProducerProperties());
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        configs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.outbox().publishTimeout().toMillis());
        configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<String, CloudEvent> factory =
                new DefaultKafkaProducerFactory<>(configs, new StringSerializer(), new CloudEventSerializer());
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return new CloudEventPublisher(new KafkaTemplate<>(factory), properties.outbox().publishTimeout(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    OutboxRelay alizeOutboxRelay(CloudEventPublisher publisher, MongoTemplate mongo, MongoMappingContext mappingContext,
            MessagingProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        OutboxRelay relay = new OutboxRelay(publisher, mongo, mappingContext, properties.outbox().firstRetry(),
                properties.outbox().maxRetry(), properties.outbox().permanentAttempts(),
                clock.getIfAvailable(Clock::systemUTC));
        meters.ifAvailable(registry -> {
            Gauge.builder("alize.outbox.backlog", relay, OutboxRelay::backlog)
                    .description("events written with their aggregate and not yet published, in this instance").register(registry);
            Gauge.builder("alize.outbox.oldest", relay, r -> r.oldestUnpublished().toMillis() / 1000.0).baseUnit("seconds")
                    .description("age of the oldest event written and not yet published, in this instance").register(registry);
            Timer delay = Timer.builder("alize.outbox.delay").publishPercentiles(0.5, 0.95, 0.99)
                    .description("from an event's writing with its aggregate to the broker's acknowledgement").register(registry);
            relay.observeDelays(delay::record);
        });
        return relay;
    }

    @Bean
    OutboxAdministration alizeOutboxAdministration(MongoTemplate mongo, OutboxRelay relay, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        OutboxAdministration administration = new OutboxAdministration(mongo, relay, clock.getIfAvailable(Clock::systemUTC));
        meters.ifAvailable(registry -> Gauge.builder("alize.outbox.parked", administration,
                        a -> a.count(ParkedEvent.Status.PARKED))
                .description("outbox entries parked after a failure no retry can mend, waiting for an administrator")
                .register(registry));
        return administration;
    }

    @Bean
    static OutboxCallbacks alizeOutboxCallbacks(ObjectProvider<EventTypes> types, ObjectProvider<JsonMapper> json,
            ObjectProvider<MongoMappingContext> mappingContext, ObjectProvider<OutboxRelay> relay,
            ObjectProvider<Clock> clock, ObjectProvider<EventSealer> sealers, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator, Environment environment) {
        // a static bean method, read before the properties record is bound
        int maxEventBytes = environment.getProperty("alize.messaging.outbox.max-event-bytes", Integer.class,
                OutboxCallbacks.DEFAULT_MAX_EVENT_BYTES);
        return new OutboxCallbacks(types, json, mappingContext, relay, clock, sealers, tracer, propagator, maxEventBytes);
    }

    @Bean
    OutboxRecovery alizeOutboxRecovery(MongoClient client, BasinRoutingMongoDatabaseFactory databases, MongoTemplate mongo,
            MongoMappingContext mappingContext, OutboxRelay relay, MessagingProperties properties) {
        return new OutboxRecovery(client, databases, mongo, mappingContext, relay, properties.outbox().sweepInterval());
    }

    @Bean
    EventConsumer alizeEventConsumer(EventTypes types, JsonMapper json, MongoTemplate mongo,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<org.alize.tenancy.archive.TenantPurger> purger,
            ObjectProvider<ObservationRegistry> observations) {
        EventConsumer consumer = new EventConsumer(types, json, mongo, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        purger.ifAvailable(consumer::purgeWith);
        meters.ifAvailable(registry -> consumer.observe((name, outcome) -> io.micrometer.core.instrument.Counter
                .builder("alize.events.consumed").description("events a consumer took, by outcome (handled, duplicate, ignored)")
                .tag("consumer", name).tag("outcome", outcome).register(registry).increment()));
        return consumer;
    }

    @Bean
    DeadLetters alizeDeadLetters(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
        DeadLetters deadLetters = new DeadLetters(kafka.buildProducerProperties());
        meters.ifAvailable(registry -> deadLetters.observe(topic -> io.micrometer.core.instrument.Counter
                .builder("alize.events.dead-lettered").description("records sent to a dead-letter topic, by topic read")
                .tag("topic", topic).register(registry).increment()));
        return deadLetters;
    }

    /** The lag of this service's {@code @KafkaListener} groups, measured every {@code alize.messaging.consumer.lag-interval}. */
    @Bean
    ConsumerLag alizeConsumerLag(KafkaAdmin kafkaAdmin, ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            ObjectProvider<MeterRegistry> meters, MessagingProperties properties) {
        return new ConsumerLag(Admin.create(kafkaAdmin.getConfigurationProperties()), () -> {
            Map<String, Collection<String>> groups = new TreeMap<>();
            listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(container -> {
                String[] topics = container.getContainerProperties().getTopics();
                if (container.getGroupId() != null && topics != null) {
                    groups.computeIfAbsent(container.getGroupId(), g -> new TreeSet<>()).addAll(List.of(topics));
                }
            }));
            return groups;
        }, meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                properties.consumer().lagInterval());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler alizeKafkaErrorHandler(DeadLetters deadLetters, MessagingProperties properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.consumer().retries());
        backOff.setInitialInterval(properties.consumer().backOff().toMillis());
        backOff.setMultiplier(2.0);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters.recoverer(), backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    /** Every record is read as a CloudEvent; one that cannot be is handed to the error handler, not thrown in the poll loop. */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaConsumerFactoryCustomizer alizeCloudEventConsumers(KafkaProperties kafka) {
        boolean offsetResetConfigured = kafka.getConsumer().getAutoOffsetReset() != null;
        return factory -> {
            DefaultKafkaConsumerFactory raw = (DefaultKafkaConsumerFactory) factory;
            raw.setKeyDeserializerSupplier(StringDeserializer::new);
            raw.setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(new CloudEventDeserializer()));
            if (!offsetResetConfigured) {
                raw.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            }
            // a service killed without leaving its group holds its partitions until its session times out: 10 s, not
            // Kafka's 45 s, so a restarted service gets them back within seconds (heartbeats every 2 s keep a live one in)
            Map<String, String> configured = kafka.getConsumer().getProperties();
            if (!configured.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
                raw.updateConfigs(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000));
            }
            // incremental rebalances: a member joining or leaving moves only the partitions that change hands, the
            // others keep being consumed (the eager default stops every member of the group for each rebalance)
            if (!configured.containsKey(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG)) {
                raw.updateConfigs(Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                        CooperativeStickyAssignor.class.getName()));
            }
        };
    }

    /**
     * Static membership where the deployment gives each instance a stable name
     * ({@code alize.messaging.consumer.instance-id}: a StatefulSet's pod name, the local stack's service name): a
     * restarted instance takes its partitions back at once, without a rebalance and without waiting for its
     * former self's session to time out. Each listener (and each of its threads, Spring Kafka adds the index) is
     * its own member, so the name is suffixed with the listener's id. Two live instances must never share a name
     * (the broker fences the older one).
     */
    @Bean
    @ConditionalOnProperty("alize.messaging.consumer.instance-id")
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> alizeStaticMembership(
            MessagingProperties properties) {
        String instance = properties.consumer().instanceId();
        return container -> {
            // an empty name (a variable set to nothing) leaves the member dynamic: a shared blank name would fence
            if (instance != null && !instance.isBlank()) {
                container.getContainerProperties().getKafkaConsumerProperties()
                        .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance.strip() + "-" + container.getListenerId());
            }
        };
    }

    /** The topics of this service's catalogues and their dead-letter topics: unlimited retention, they are the history. */
    @Bean
    KafkaAdmin.NewTopics alizeTopics(List<EventCatalog> catalogs, MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        catalogs.stream().map(EventCatalog::topic).distinct().forEach(topic -> {
            topics.add(topic(topic, properties));
            topics.add(topic(EventCatalog.deadLetterTopic(topic), properties));
        });
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, MessagingProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }
}
