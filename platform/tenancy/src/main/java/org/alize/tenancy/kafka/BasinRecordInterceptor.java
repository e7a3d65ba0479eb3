package org.alize.tenancy.kafka;

import org.alize.tenancy.BasinContext;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Sets the {@link BasinContext} of the listener thread from the record's basin header for the time of
 * one record, and clears it afterwards whatever happened. A record without a valid basin header is
 * handled with no basin in context: any data access it attempts fails.
 */
public class BasinRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        BasinContext.clear();
        BasinHeaders.basin(record.headers()).ifPresent(BasinContext::open);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        clear();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        clear();
    }

    private static void clear() {
        BasinContext.clear();
    }
}
