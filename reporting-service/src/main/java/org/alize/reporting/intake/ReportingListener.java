package org.alize.reporting.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.alize.basin.events.BasinEvents;
import org.alize.finance.events.FinanceEvents;
import org.alize.messaging.EventConsumer;
import org.alize.tenancy.archive.TenantPurger;
import org.alize.messaging.ReceivedEvent;
import org.alize.project.events.ProjectEvents;
import org.alize.reporting.indicator.Generation;
import org.alize.reporting.indicator.Generations;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.kafka.BasinHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads the three upstream topics into the fact collections, one listener per topic with a few threads each
 * (a basin's events share a partition: one thread has them in order; the projector serialises the refreshes
 * of a basin that two topics' threads conclude together), a poll's worth of records at a time, and
 * refreshes each basin the batch concerned once, after all of its facts are written: a burst of a thousand
 * events costs a few refreshes, not a thousand. A basin whose records were all seen before (a redelivery
 * after a crash between the facts and the refresh) is refreshed too, so nothing stays stale. A record that
 * fails stops the batch there: what came before it is concluded, the error handler retries it and, in the
 * end, sends it to the dead-letter topic, and the batch goes on after it.
 */
@Component
class ReportingListener {

    /** The three listeners form one group, so a deployment's committed offsets carry over from the single listener. */
    static final String GROUP = "${alize.reporting.consumer-group:reporting-service}";

    /** Threads per topic (each topic has several partitions, and a basin's events are on one partition). */
    static final String CONCURRENCY = "${alize.reporting.consumer-concurrency:2}";

    private final EventConsumer consumer;
    private final TenantPurger purger;
    private final IndicatorProjector projector;
    private final Generations generations;

    ReportingListener(EventConsumer consumer, IndicatorProjector projector, Generations generations, TenantPurger purger) {
        this.purger = purger;
        this.consumer = consumer;
        this.projector = projector;
        this.generations = generations;
    }

    @KafkaListener(id = "indicators-basins", topics = BasinEvents.TOPIC, groupId = GROUP, batch = "true",
            concurrency = CONCURRENCY)
    void onBasinEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        apply(records);
    }

    @KafkaListener(id = "indicators-projects", topics = ProjectEvents.TOPIC, groupId = GROUP, batch = "true",
            concurrency = CONCURRENCY)
    void onProjectEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        apply(records);
    }

    @KafkaListener(id = "indicators-finance", topics = FinanceEvents.TOPIC, groupId = GROUP, batch = "true",
            concurrency = CONCURRENCY)
    void onFinanceEvents(List<ConsumerRecord<String, CloudEvent>> records) {
        apply(records);
    }

    void apply(List<ConsumerRecord<String, CloudEvent>> records) {
        Generation generation = generations.active();
        Map<BasinId, Batch> basins = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, CloudEvent> record = records.get(i);
            try {
                BasinId basin = BasinHeaders.basin(record.headers()).orElse(null);
                try (BasinContext.Scope ignored = basin == null ? null : BasinContext.open(basin)) {
                    consumer.consume("indicators", record, event -> {
                        if (projector.write(event, generation)) {
                            basins.computeIfAbsent(event.basin(), b -> new Batch()).applied(event);
                        }
                    });
                }
                if (basin != null) {
                    basins.computeIfAbsent(basin, b -> new Batch());
                }
            } catch (RuntimeException e) {
                conclude(basins, generation);
                throw new BatchListenerFailedException("indicators: record " + record.topic() + "@" + record.offset()
                        + " failed", e, i);
            }
        }
        conclude(basins, generation);
    }

    private void conclude(Map<BasinId, Batch> basins, Generation generation) {
        basins.forEach((basin, batch) -> {
            if (!purger.purged(basin)) { // a purged basin's figures are not written back from the cache
                try {
                    projector.conclude(basin, batch.last, batch.applied, generation);
                } catch (org.alize.tenancy.PurgedBasinException purgedMeanwhile) {
                    purger.dropAgain(basin);
                }
            }
        });
        basins.clear();
    }

    /** What a batch did for one basin: how many of its events it applied, and the last of them. */
    private static final class Batch {
        private ReceivedEvent<?> last;
        private long applied;

        void applied(ReceivedEvent<?> event) {
            last = event;
            applied++;
        }
    }
}
