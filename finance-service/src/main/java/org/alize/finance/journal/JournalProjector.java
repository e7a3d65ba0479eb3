package org.alize.finance.journal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import org.alize.finance.events.FinanceEvents;
import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.RepaymentReversed;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Posts each finance event of the basin once: the entry's id is derived from the event's {@code ce_id}. */
@Component
public class JournalProjector {

    private final EventConsumer consumer;
    private final MongoTemplate mongo;
    private final JournalTotals totals;
    private final Clock clock;

    JournalProjector(EventConsumer consumer, MongoTemplate mongo, JournalTotals totals, Clock clock) {
        this.consumer = consumer;
        this.mongo = mongo;
        this.totals = totals;
        this.clock = clock;
    }

    @KafkaListener(id = "journal", topics = FinanceEvents.TOPIC, groupId = "finance-journal")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume("journal", record, this::post);
    }

    /** Posts one event in the basin in context, unless it is already in the journal. */
    public void post(ReceivedEvent<?> event) {
        String id = "je-" + event.id();
        JournalEntry posted = mongo.findById(id, JournalEntry.class);
        if (posted != null) {
            totals.count(posted); // a no-op unless a crash came between the entry and its totals
            return;
        }
        if (event.payload() instanceof MovementReversed reversal) {
            JournalEntry original = original(reversal.movementId(), null);
            // the movement's entry is on the same partition, before it: missing, it is retried, then dead-lettered
            if (original == null) {
                throw new IllegalStateException("no journal entry for " + reversal.movementId() + " to reverse");
            }
            List<JournalEntry.Line> swapped = original.lines().stream()
                    .map(l -> new JournalEntry.Line(l.account(), l.auxiliary(), l.credit(), l.debit())).toList();
            totals.count(mongo.insert(new JournalEntry(id, nextNumber(), original.journal(), reversal.reversedOn(),
                    "Contre-passation de « " + original.label() + " » : " + reversal.reason(), reversal.reversalId(), swapped,
                    event.id(), event.type(), original.id(), clock.instant())));
            return;
        }
        String reverses = event.payload() instanceof RepaymentReversed r
                ? Optional.ofNullable(original(r.repaymentId(), FinanceEvents.REPAYMENT_RECEIVED)).map(JournalEntry::id).orElse(null)
                : null;
        Postings.of(event.payload()).ifPresent(posting -> totals.count(mongo.insert(new JournalEntry(id, nextNumber(),
                posting.journal(), posting.date(), posting.label(), posting.pieceRef(), posting.lines(), event.id(), event.type(),
                reverses, clock.instant()))));
    }

    /** The entry that recorded a movement (R-31: a reversal names it), of {@code type} if given. */
    private JournalEntry original(String pieceRef, String type) {
        Criteria criteria = where("pieceRef").is(pieceRef).and("reverses").is(null);
        if (type != null) {
            criteria = criteria.and("sourceType").is(type);
        }
        return mongo.findOne(query(criteria).with(Sort.by("number")), JournalEntry.class);
    }

    private long nextNumber() {
        Document counter = mongo.findAndModify(query(where("_id").is("journal")), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "counters");
        return ((Number) counter.get("value")).longValue();
    }
}
