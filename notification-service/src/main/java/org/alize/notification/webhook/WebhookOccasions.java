package org.alize.notification.webhook;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import org.alize.basin.events.BasinEvents;
import org.alize.finance.events.FinanceEvents;
import org.alize.messaging.EventConsumer;
import org.alize.project.events.ProjectEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The three topics read for the webhooks, in their own consumer group: an integrator's slow or dead receiver never
 * delays the mails, nor the mails the webhooks. Each event once in effect without a consumption marker: a delivery's
 * id derives from the webhook and the event (an event read again finds it there), so an event of a basin without
 * webhooks costs one read, no write. Its data as it was published.
 */
@Component
class WebhookOccasions {

    static final String CONSUMER = "webhooks";

    private final EventConsumer consumer;
    private final Webhooks webhooks;

    WebhookOccasions(EventConsumer consumer, Webhooks webhooks) {
        this.consumer = consumer;
        this.webhooks = webhooks;
    }

    @KafkaListener(id = "notification-webhooks", groupId = "notification-webhooks",
            topics = {BasinEvents.TOPIC, ProjectEvents.TOPIC, FinanceEvents.TOPIC})
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        CloudEventData data = event == null ? null : event.getData();
        byte[] raw = data == null ? null : data.toBytes();
        consumer.consumeIdempotent(CONSUMER, record, received -> webhooks.onEvent(received.id(), received.type(), received.time(),
                received.subject(), raw));
    }
}
