package org.alize.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.alize.messaging.app.Account;
import org.alize.messaging.app.AccountRepository;
import org.alize.messaging.app.Ledger;
import org.alize.messaging.app.MessagingTestApplication;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.kafka.ConsumerLag;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.alize.messaging.outbox.CommandAlreadyApplied;
import org.alize.messaging.outbox.EventTooLarge;
import org.alize.messaging.outbox.OutboxAdministration;
import org.alize.messaging.outbox.OutboxCallbacks;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.messaging.outbox.OutboxRecovery;
import org.alize.messaging.outbox.ParkedEvent;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.CommandKey;
import org.alize.tenancy.Ids;
import org.alize.testing.TestInfrastructure;
import org.alize.testing.TopicRecords;
import org.alize.testing.WithAlizeInfra;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

@WithAlizeInfra
@SpringBootTest(classes = MessagingTestApplication.class)
class MessagingIT {

    private static final String TOPIC = MessagingTestApplication.TOPIC;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    AccountRepository accounts;
    @Autowired
    Ledger ledger;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    OutboxCallbacks callbacks;
    @Autowired
    OutboxRecovery recovery;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoClient client;
    @Autowired
    OutboxAdministration administration;
    @Autowired
    Tracer tracer;
    @Autowired
    ConsumerLag lag;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;
    @Autowired
    InMemorySpanExporter spans;

    @Test
    void saving_an_aggregate_publishes_its_events_as_cloudevents_in_binary_mode() {
        BasinId basin = BasinId.of("msg-attrs");
        BasinContext.runIn(basin, () -> accounts.save(Account.open("acc-attrs").credit(100)));

        ConsumerRecord<String, byte[]> record = await().atMost(WAIT).until(
                () -> find(TOPIC, r -> "acc-attrs".equals(header(r, "ce_subject"))), r -> r != null);
        assertThat(record.key()).isEqualTo("msg-attrs");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_type")).isEqualTo(MessagingTestApplication.CREDITED);
        assertThat(header(record, "ce_source")).isEqualTo("/basins/msg-attrs/accounts/acc-attrs");
        assertThat(header(record, "ce_basinid")).isEqualTo("msg-attrs");
        assertThat(header(record, "ce_sequence")).isEqualTo("0000000000000000001");
        assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"accountId\":\"acc-attrs\",\"amount\":100,\"balanceAfter\":100}");
        assertThat(outboxOf(basin, "acc-attrs")).as("published events leave the outbox").isEmpty();
    }

    @Test
    void an_aggregate_whose_id_is_not_uri_safe_still_publishes_with_its_id_encoded_in_the_source() {
        BasinId basin = BasinId.of("msg-attrs");
        String id = "Séance du 12 mars / point 4";
        BasinContext.runIn(basin, () -> accounts.save(Account.open(id).credit(5)));

        ConsumerRecord<String, byte[]> record = await().atMost(WAIT).until(
                () -> find(TOPIC, r -> id.equals(header(r, "ce_subject"))), r -> r != null);
        assertThat(header(record, "ce_source")).isEqualTo("/basins/msg-attrs/accounts/S%C3%A9ance%20du%2012%20mars%20%2F%20point%204");
        assertThat(outboxOf(basin, id)).as("published, not parked").isEmpty();
    }

    @Test
    void the_trace_of_the_request_that_raised_an_event_goes_on_through_the_outbox_kafka_and_the_consumer() {
        BasinId basin = BasinId.of("msg-trace");
        Span request = tracer.nextSpan().name("a request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            BasinContext.runIn(basin, () -> accounts.save(Account.open("acc-trace").credit(5)));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();
        ConsumerRecord<String, byte[]> record = await().atMost(WAIT).until(
                () -> find(TOPIC, r -> "acc-trace".equals(header(r, "ce_subject"))), r -> r != null);
        assertThat(header(record, "traceparent")).as("the producer's span, in the request's trace")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(request.context().spanId());

        // request → outbox relay (published later, on the relay's thread) → Kafka producer → the ledger's consumption
        SpanData consumed = await().atMost(WAIT).until(() -> span(traceId, s -> s.getName().startsWith("ledger ")),
                s -> s != null);
        SpanData relay = span(traceId, s -> s.getName().equals("outbox " + MessagingTestApplication.CREDITED));
        assertThat(relay).isNotNull();
        assertThat(relay.getParentSpanId()).isEqualTo(request.context().spanId());
        SpanData send = span(traceId, s -> s.getKind() == SpanKind.PRODUCER);
        assertThat(send).isNotNull();
        assertThat(send.getParentSpanId()).isEqualTo(relay.getSpanId());
        assertThat(header(record, "traceparent")).contains(send.getSpanId());
        assertThat(consumed.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(consumed.getAttributes().get(AttributeKey.stringKey("consumer"))).isEqualTo("ledger");
        assertThat(consumed.getName()).isEqualTo("ledger " + MessagingTestApplication.CREDITED);
    }

    @Test
    void the_lag_of_a_consumer_group_counts_what_it_has_not_consumed_yet_and_falls_back_to_zero() {
        BasinId basin = BasinId.of("msg-lag");
        MessageListenerContainer ledgerListener = listeners.getListenerContainer(Ledger.LISTENER);
        await().atMost(WAIT).until(() -> lag.measure().get("msgtest-ledger").get(TOPIC) == 0);
        ledgerListener.pause();
        try {
            await().atMost(WAIT).until(ledgerListener::isPauseRequested);
            BasinContext.runIn(basin, () -> {
                for (int i = 0; i < 5; i++) {
                    accounts.save(Account.open("acc-lag-" + i).credit(1));
                }
            });
            await().atMost(WAIT).until(() -> find(TOPIC, r -> "acc-lag-4".equals(header(r, "ce_subject"))) != null);
            await().atMost(WAIT).until(() -> lag.measure().get("msgtest-ledger").get(TOPIC) >= 5);
            assertThat(meters.get("alize.consumer.lag").tag("group", "msgtest-ledger").tag("topic", TOPIC).gauge().value())
                    .isGreaterThanOrEqualTo(5);
        } finally {
            ledgerListener.resume();
        }
        await().atMost(WAIT).until(() -> lag.measure().get("msgtest-ledger").get(TOPIC) == 0);
        assertThat(ledgerCount(basin, "acc-lag-4")).isEqualTo(1);
    }

    private SpanData span(String traceId, Predicate<SpanData> which) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).filter(which)
                .findFirst().orElse(null);
    }

    @Test
    void a_crash_between_the_document_write_and_the_publish_loses_nothing() {
        BasinId basin = BasinId.of("msg-crash");
        BasinContext.runIn(basin, () -> {
            // the state a crash leaves: the document written with its outbox, nothing published
            Account account = Account.open("acc-crash").credit(40).credit(2);
            callbacks.onBeforeConvert(account, "accounts");
            Document written = new Document();
            mongo.getConverter().write(account, written);
            mongo.getCollection("accounts").insertOne(written);
        });
        assertThat(outboxOf(basin, "acc-crash")).hasSize(2);

        int published = recovery.recoverAll();

        assertThat(published).isGreaterThanOrEqualTo(2);
        assertThat(outboxOf(basin, "acc-crash")).isEmpty();
        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-crash") == 2);
        assertThat(handledFor("acc-crash")).containsExactly(1L, 2L);
    }

    @Test
    void the_same_event_delivered_twice_has_one_effect() {
        BasinId basin = BasinId.of("msg-twice");
        OutboxEntry entry = entry(basin, "acc-twice", 1, "{\"accountId\":\"acc-twice\",\"amount\":5,\"balanceAfter\":5}");

        publisher.publish(entry);
        publisher.publish(entry);
        publisher.publish(entry(basin, "acc-twice-marker", 1,
                "{\"accountId\":\"acc-twice-marker\",\"amount\":1,\"balanceAfter\":1}"));

        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-twice-marker") == 1);
        assertThat(ledgerCount(basin, "acc-twice")).isEqualTo(1);
        assertThat(handledFor("acc-twice")).containsExactly(1L);
    }

    @Test
    void a_malformed_record_lands_in_the_dead_letter_topic_and_the_next_record_is_processed() throws Exception {
        BasinId basin = BasinId.of("msg-malformed");
        byte[] garbage = "ceci n'est pas un CloudEvent".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(TOPIC, "msg-malformed", garbage)).get();
        }
        BasinContext.runIn(basin, () -> accounts.save(Account.open("acc-after-garbage").credit(7)));

        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-after-garbage") == 1);
        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> find(EventCatalog.deadLetterTopic(TOPIC),
                r -> "msg-malformed".equals(r.key())), r -> r != null);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
    }

    @Test
    void a_payload_that_does_not_fit_its_type_is_dead_lettered_as_invalid() {
        BasinId basin = BasinId.of("msg-misfit");
        publisher.publish(entry(basin, "acc-misfit", 1, "{\"accountId\":\"acc-misfit\",\"amount\":\"beaucoup\"}"));
        publisher.publish(entry(basin, "acc-misfit-next", 1,
                "{\"accountId\":\"acc-misfit-next\",\"amount\":3,\"balanceAfter\":3}"));

        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-misfit-next") == 1);
        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> find(EventCatalog.deadLetterTopic(TOPIC),
                r -> "acc-misfit".equals(header(r, "ce_subject"))), r -> r != null);
        assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).contains("InvalidEventException");
        assertThat(header(dead, "ce_type")).isEqualTo(MessagingTestApplication.CREDITED);
    }

    @Test
    void a_handler_that_keeps_failing_is_retried_a_bounded_number_of_times_then_dead_lettered() {
        BasinId basin = BasinId.of("msg-poison");
        BasinContext.runIn(basin, () -> accounts.save(Account.open("acc-poison").credit(Ledger.POISON)));

        ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> find(EventCatalog.deadLetterTopic(TOPIC),
                r -> "acc-poison".equals(header(r, "ce_subject"))), r -> r != null);
        assertThat(ledger.poisonAttempts.get()).as("first delivery and 3 retries").isEqualTo(4);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("le grand livre refuse ce montant");
    }

    @Test
    void events_of_one_aggregate_are_consumed_in_the_order_they_were_raised() {
        BasinId basin = BasinId.of("msg-order");
        BasinContext.runIn(basin, () -> {
            accounts.save(Account.open("acc-order"));
            accounts.save(Account.open("acc-order-other"));
            for (int i = 1; i <= 25; i++) {
                accounts.save(accounts.findById("acc-order").orElseThrow().credit(i));
                accounts.save(accounts.findById("acc-order-other").orElseThrow().credit(i));
            }
        });

        await().atMost(WAIT).until(() -> handledFor("acc-order").size() == 25 && handledFor("acc-order-other").size() == 25);
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 25; i++) {
            expected.add(i);
        }
        assertThat(handledFor("acc-order")).containsExactlyElementsOf(expected);
        assertThat(handledFor("acc-order-other")).containsExactlyElementsOf(expected);
    }

    @Test
    void a_command_resumed_after_its_cut_run_had_landed_writes_nothing_twice_and_ids_are_the_cut_runs() {
        BasinId basin = BasinId.of("msg-resume");
        CommandKey key = CommandKey.of("karim", basin.value(), "POST", "/api/basins/msg-resume/accounts", "k-1", false);
        CommandKey resumed = new CommandKey(key.value(), true);
        String[] ids = new String[2];
        BasinContext.runIn(basin, () -> {
            // the cut run: opened an account and credited another one, then the service died before answering
            accounts.save(Account.open("acc-resume"));
            try (CommandKey.Scope ignored = CommandKey.open(key)) {
                ids[0] = Ids.next("acc");
                accounts.save(Account.open(ids[0]).credit(5));
                accounts.save(accounts.findById("acc-resume").orElseThrow().credit(7));
            }
            // the retry that resumes it: the same id comes out, and both writes are recognised as done
            try (CommandKey.Scope ignored = CommandKey.open(resumed)) {
                ids[1] = Ids.next("acc");
                assertThatThrownBy(() -> accounts.insert(Account.open(ids[1]).credit(5)))
                        .isInstanceOf(CommandAlreadyApplied.class);
                assertThatThrownBy(() -> accounts.save(accounts.findById("acc-resume").orElseThrow().credit(7)))
                        .isInstanceOf(CommandAlreadyApplied.class);
            }
            // a resumed command whose cut run had not reached this aggregate writes it
            try (CommandKey.Scope ignored = CommandKey.open(new CommandKey(CommandKey.of("karim", basin.value(), "POST",
                    "/x", "k-2", false).value(), true))) {
                accounts.save(accounts.findById("acc-resume").orElseThrow().credit(1));
            }
        });

        assertThat(ids[1]).isEqualTo(ids[0]).matches("acc-[0-9a-f]{12}");
        assertThat(Ids.next("acc")).isNotEqualTo(ids[0]);
        assertThat(BasinContext.callIn(basin, () -> accounts.findById("acc-resume").orElseThrow().balance())).isEqualTo(8);
        assertThat(BasinContext.callIn(basin, () -> accounts.findById(ids[0]).orElseThrow().balance())).isEqualTo(5);
        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-resume") == 2);
        assertThat(ledgerCount(basin, ids[0])).isEqualTo(1);
    }

    @Test
    void any_keyed_run_recognises_what_an_earlier_run_of_its_key_wrote_and_its_own_second_save_is_its_own() {
        BasinId basin = BasinId.of("msg-rerun");
        CommandKey key = CommandKey.of("karim", basin.value(), "POST", "/api/basins/msg-rerun/accounts", "k-1", false);
        String[] ids = new String[2];
        BasinContext.runIn(basin, () -> {
            accounts.save(Account.open("acc-rerun"));
            try (CommandKey.Scope ignored = CommandKey.open(key)) {
                ids[0] = Ids.next("acc");
                accounts.save(Account.open(ids[0]).credit(5));
                // the same run writes the same aggregate twice: its second save is its own, not an earlier run's
                accounts.save(accounts.findById("acc-rerun").orElseThrow().credit(7));
                accounts.save(accounts.findById("acc-rerun").orElseThrow().credit(1));
            }
            // a run of the same key that is not flagged as resumed (its answer was never kept): nothing twice
            try (CommandKey.Scope ignored = CommandKey.open(key)) {
                ids[1] = Ids.next("acc");
                assertThatThrownBy(() -> accounts.insert(Account.open(ids[1]).credit(5)))
                        .isInstanceOf(CommandAlreadyApplied.class);
                assertThatThrownBy(() -> accounts.save(accounts.findById("acc-rerun").orElseThrow().credit(7)))
                        .isInstanceOf(CommandAlreadyApplied.class);
            }
        });

        assertThat(ids[1]).isEqualTo(ids[0]);
        assertThat(BasinContext.callIn(basin, () -> accounts.findById("acc-rerun").orElseThrow().balance())).isEqualTo(8);
        assertThat(BasinContext.callIn(basin, () -> accounts.findById(ids[0]).orElseThrow().balance())).isEqualTo(5);
    }

    @Test
    void a_stale_write_is_refused_and_publishes_nothing() {
        BasinId basin = BasinId.of("msg-stale");
        BasinContext.runIn(basin, () -> {
            accounts.save(Account.open("acc-stale"));
            Account first = accounts.findById("acc-stale").orElseThrow();
            Account second = accounts.findById("acc-stale").orElseThrow();
            accounts.save(first.credit(10));
            assertThatThrownBy(() -> accounts.save(second.credit(20))).isInstanceOf(OptimisticLockingFailureException.class);
            accounts.save(Account.open("acc-stale-marker").credit(1));
        });

        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-stale-marker") == 1);
        assertThat(ledgerCount(basin, "acc-stale")).isEqualTo(1);
        assertThat(BasinContext.callIn(basin, () -> accounts.findById("acc-stale").orElseThrow().balance())).isEqualTo(10);
    }

    @Test
    void a_command_whose_event_would_be_too_large_is_refused_and_nothing_is_stored() {
        BasinId basin = BasinId.of("msg-huge");

        assertThatThrownBy(() -> BasinContext.runIn(basin,
                () -> accounts.save(Account.open("acc-huge").annotate("x".repeat(300_000)))))
                .isInstanceOf(EventTooLarge.class)
                .hasMessageContaining("rien n'a été enregistré");
        assertThat(client.getDatabase("msgtest_" + basin).getCollection("accounts")
                .find(new Document("_id", "acc-huge")).first()).isNull();
    }

    @Test
    void an_event_the_broker_refuses_is_parked_others_flow_a_restart_leaves_nothing_stuck_and_a_discard_lets_the_rest_through() {
        BasinId basin = BasinId.of("msg-parked");
        BasinId neighbour = BasinId.of("msg-parked-b");
        BasinContext.runIn(basin, () -> {
            accounts.save(Account.open("acc-parked").credit(1));
            accounts.save(accounts.findById("acc-parked").orElseThrow().annotate("x".repeat(250_000)));
        });
        await().atMost(WAIT).until(() -> administration.count(ParkedEvent.Status.PARKED) > 0
                && parkedFor("acc-parked") != null);
        BasinContext.runIn(basin, () -> {
            accounts.save(accounts.findById("acc-parked").orElseThrow().credit(2));
            accounts.save(Account.open("acc-parked-other").credit(5));
        });
        BasinContext.runIn(neighbour, () -> accounts.save(Account.open("acc-neighbour").credit(7)));

        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-parked-other") == 1 && ledgerCount(neighbour, "acc-neighbour") == 1);
        ParkedEvent parked = parkedFor("acc-parked");
        assertThat(parked.status()).isEqualTo(ParkedEvent.Status.PARKED);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.reason()).contains("RecordTooLarge");
        assertThat(parked.basin()).isEqualTo("msg-parked");
        assertThat(parked.payloadBytes()).isGreaterThan(250_000);
        assertThat(parked.payloadPreview()).hasSizeLessThanOrEqualTo(2_000);
        // the credit raised after it waits behind it, in order
        assertThat(outboxOf(basin, "acc-parked")).hasSize(2);
        assertThat(ledgerCount(basin, "acc-parked")).isEqualTo(1);

        // what a restart runs: the parked aggregate is left alone, nothing throws, nothing is lost
        recovery.recoverAll();
        assertThat(outboxOf(basin, "acc-parked")).hasSize(2);

        ParkedEvent discarded = administration.discard(parked, "mémo trop long saisi par erreur", "claire");

        assertThat(discarded.status()).isEqualTo(ParkedEvent.Status.DISCARDED);
        assertThat(administration.get(parked.id()).orElseThrow().resolution()).isEqualTo("mémo trop long saisi par erreur");
        await().atMost(WAIT).until(() -> ledgerCount(basin, "acc-parked") == 2);
        assertThat(outboxOf(basin, "acc-parked")).isEmpty();
        assertThat(administration.count(ParkedEvent.Status.PARKED)).isZero();
    }

    private ParkedEvent parkedFor(String accountId) {
        return administration.list(null, 0, 100).stream().filter(p -> accountId.equals(p.aggregateId())).findFirst()
                .orElse(null);
    }

    private List<Long> handledFor(String accountId) {
        return ledger.handled.stream().filter(e -> accountId.equals(e.subject()))
                .map(ReceivedEvent::sequence).collect(Collectors.toList());
    }

    private long ledgerCount(BasinId basin, String accountId) {
        Document row = client.getDatabase("msgtest_" + basin).getCollection("ledger").find(new Document("_id", accountId)).first();
        return row == null ? 0 : ((Number) row.get("count")).longValue();
    }

    private List<?> outboxOf(BasinId basin, String accountId) {
        Document account = client.getDatabase("msgtest_" + basin).getCollection("accounts")
                .find(new Document("_id", accountId)).first();
        assertThat(account).isNotNull();
        return account.getList("outbox", Object.class, List.of());
    }

    private static OutboxEntry entry(BasinId basin, String accountId, long sequence, String payload) {
        return new OutboxEntry(UUID.randomUUID().toString(), TOPIC, MessagingTestApplication.CREDITED,
                "/basins/" + basin + "/accounts/" + accountId, accountId, basin.value(), sequence, Instant.now(), payload);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicRecords.header(record, name);
    }

    private static ConsumerRecord<String, byte[]> find(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return TopicRecords.read(topic, match).stream().findFirst().orElse(null);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }
}
