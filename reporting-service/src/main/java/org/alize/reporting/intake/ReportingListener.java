package org.alize.reporting.intake;

import io.cloudevents.CloudEvent;
import org.alize.basin.events.BasinEvents;
import org.alize.finance.events.FinanceEvents;
import org.alize.messaging.EventConsumer;
import org.alize.project.events.ProjectEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads the three upstream topics into the fact collections and refreshes the basin's indicators. */
@Component
class ReportingListener {

    private final EventConsumer consumer;
    private final IndicatorProjector projector;

    ReportingListener(EventConsumer consumer, IndicatorProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @KafkaListener(topics = {BasinEvents.TOPIC, ProjectEvents.TOPIC, FinanceEvents.TOPIC},
            groupId = "${alize.reporting.consumer-group:reporting-service}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume("indicators", record, projector::apply);
    }
}
