package org.alize.messaging.app;

import java.util.Map;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.alize.messaging.EventCatalog;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal service on the messaging starter: accounts that raise events, and a ledger that consumes them. */
@SpringBootApplication
public class MessagingTestApplication {

    public static final String TOPIC = "alize.msgtest.v1";
    public static final String CREDITED = "alize.msgtest.AccountCredited.v1";
    public static final String ANNOTATED = "alize.msgtest.AccountAnnotated.v1";

    @Bean
    EventCatalog accountEvents() {
        return EventCatalog.of(TOPIC, Map.of(CREDITED, AccountCredited.class, ANNOTATED, AccountAnnotated.class));
    }

    /** The finished spans, in memory: Boot's tracing exports to every span exporter bean. */
    @Bean
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
