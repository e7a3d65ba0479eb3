package org.alize.tenancy.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.alize.tenancy.BasinContext;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Stamps every record sent without a basin header with the basin of the sending thread. A record that already names
 * its basin (a CloudEvent) keeps it. (The trace goes on through the templates' observations.)
 */
public class BasinProducerInterceptor implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.headers().lastHeader(BasinHeaders.BASIN) == null) {
            BasinContext.current().ifPresent(basin ->
                    record.headers().add(BasinHeaders.BASIN, basin.value().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // nothing to follow up
    }

    @Override
    public void close() {
        // no resources
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings
    }
}
