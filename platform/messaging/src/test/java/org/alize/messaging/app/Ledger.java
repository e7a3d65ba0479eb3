package org.alize.messaging.app;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts credits per account with a deliberately non-idempotent {@code $inc}: only the consumer's
 * deduplication keeps a redelivered event from counting twice. An amount of 666 always fails.
 */
@Component
public class Ledger {

    public static final long POISON = 666;

    public final List<ReceivedEvent<?>> handled = new CopyOnWriteArrayList<>();
    public final AtomicInteger poisonAttempts = new AtomicInteger();
    private final EventConsumer consumer;
    private final MongoTemplate mongo;

    Ledger(EventConsumer consumer, MongoTemplate mongo) {
        this.consumer = consumer;
        this.mongo = mongo;
    }

    public static final String LISTENER = "msgtest-ledger";

    @KafkaListener(id = LISTENER, topics = MessagingTestApplication.TOPIC, groupId = "msgtest-ledger")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume("ledger", record, event -> {
            if (!(event.payload() instanceof AccountCredited credited)) {
                return;
            }
            if (credited.amount() == POISON) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("le grand livre refuse ce montant");
            }
            mongo.upsert(query(where("_id").is(credited.accountId())), new Update().inc("count", 1), "ledger");
            handled.add(event);
        });
    }
}
