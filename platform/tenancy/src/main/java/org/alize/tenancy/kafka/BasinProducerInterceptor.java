package org.alize.tenancy.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.TraceIds;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.MDC;

/**
 * Stamps every record sent without a basin header with the basin of the sending thread, and carries
 * the trace on. A record that already names its basin (a CloudEvent) keeps it.
 */
public class BasinProducerInterceptor implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.headers().lastHeader(BasinHeaders.BASIN) == null) {
            BasinContext.current().ifPresent(basin ->
                    record.headers().add(BasinHeaders.BASIN, basin.value().getBytes(StandardCharsets.UTF_8)));
        }
        String traceId = MDC.get(TraceIds.MDC_KEY);
        if (traceId != null && record.headers().lastHeader(BasinHeaders.TRACEPARENT) == null) {
            record.headers().add(BasinHeaders.TRACEPARENT, TraceIds.traceparent(traceId).getBytes(StandardCharsets.UTF_8));
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
