package org.alize.messaging.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * How far behind this service's consumer groups are: for each group and topic, the records written and not yet
 * committed by the group ({@code alize.consumer.lag{group,topic}}), summed over the topic's partitions; a partition the
 * group never committed counts from its earliest record. Measured from the broker every {@code interval} with four
 * admin requests per group, whatever the topics' history: the figures are the same on every instance of the service,
 * and a lag that keeps growing says the consumers stopped or cannot keep up (its dead letters say why).
 */
public class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final Supplier<Map<String, Collection<String>>> groups;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alize-consumer-lag");
        thread.setDaemon(true);
        return thread;
    });

    /** @param groups this service's consumer groups and the topics each reads, read at each measure */
    public ConsumerLag(Admin admin, Supplier<Map<String, Collection<String>>> groups, MeterRegistry registry, Duration interval) {
        this.admin = admin;
        this.groups = groups;
        this.registry = registry;
        if (!interval.isZero() && !interval.isNegative()) {
            schedule.scheduleWithFixedDelay(this::measureQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void measureQuietly() {
        try {
            measure();
        } catch (RuntimeException e) {
            log.debug("consumer lag not measured this time: {}", e.getMessage());
        }
    }

    /** Measures every group's lag now and updates the gauges; returns it by group and topic. */
    public Map<String, Map<String, Long>> measure() {
        Map<String, Map<String, Long>> measured = new HashMap<>();
        groups.get().forEach((group, topics) -> {
            Map<String, Long> byTopic = lag(group, new TreeSet<>(topics));
            measured.put(group, byTopic);
            byTopic.forEach((topic, lag) -> gauge(group, topic).set(lag));
        });
        return measured;
    }

    private Map<String, Long> lag(String group, Set<String> topics) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            }));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> byTopic = new HashMap<>();
            topics.forEach(topic -> byTopic.put(topic, 0L));
            ends.forEach((tp, end) -> {
                OffsetAndMetadata done = committed.get(tp);
                long from = done != null ? done.offset() : starts.get(tp).offset();
                byTopic.merge(tp.topic(), Math.max(0, end.offset() - from), Long::sum);
            });
            return byTopic;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the lag of " + group, e);
        } catch (Exception e) {
            throw new IllegalStateException("lag of " + group + " not measured: " + e.getMessage(), e);
        }
    }

    private AtomicLong gauge(String group, String topic) {
        return lags.computeIfAbsent(group + "\u0000" + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("alize.consumer.lag", value, AtomicLong::get).baseUnit("records")
                    .description("records of the topic written and not yet consumed by the group")
                    .tag("group", group).tag("topic", topic).register(registry);
            return value;
        });
    }

    @Override
    public void destroy() {
        schedule.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
