package org.alize.messaging.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.alize.messaging.EventTypes;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.TraceIds;
import org.bson.Document;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hooks the outbox into every save of an {@link AggregateRoot}, whether through a repository or
 * {@code MongoTemplate}: before the document is written, raised events become outbox entries in it;
 * once it is written, the relay publishes them.
 */
public class OutboxCallbacks implements BeforeConvertCallback<AggregateRoot>, AfterSaveCallback<AggregateRoot>, Ordered {

    // resolved on first use: MongoTemplate finds its entity callbacks, and the relay needs MongoTemplate
    private final ObjectProvider<EventTypes> types;
    private final ObjectProvider<JsonMapper> json;
    private final ObjectProvider<MongoMappingContext> mappingContext;
    private final ObjectProvider<OutboxRelay> relay;
    private final ObjectProvider<Clock> clock;

    public OutboxCallbacks(ObjectProvider<EventTypes> types, ObjectProvider<JsonMapper> json,
            ObjectProvider<MongoMappingContext> mappingContext, ObjectProvider<OutboxRelay> relay,
            ObjectProvider<Clock> clock) {
        this.types = types;
        this.json = json;
        this.mappingContext = mappingContext;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public AggregateRoot onBeforeConvert(AggregateRoot aggregate, String collection) {
        List<AggregateRoot.Raised> events = aggregate.drainRaised();
        if (events.isEmpty()) {
            return aggregate;
        }
        Object id = mappingContext.getObject().getRequiredPersistentEntity(aggregate.getClass())
                .getIdentifierAccessor(aggregate).getIdentifier();
        if (id == null) {
            throw new IllegalStateException(aggregate.getClass().getSimpleName()
                    + " raised events before it had an id: assign the id when the aggregate is created");
        }
        BasinId ownBasin = events.stream().allMatch(e -> e.basin() != null) ? null : aggregate.eventBasin();
        EventTypes eventTypes = types.getObject();
        JsonMapper mapper = json.getObject();
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        String traceId = MDC.get(TraceIds.MDC_KEY);
        String traceparent = traceId == null ? null : TraceIds.traceparent(traceId);
        for (AggregateRoot.Raised raised : events) {
            BasinId basin = raised.basin() != null ? raised.basin() : ownBasin;
            EventTypes.Binding binding = eventTypes.forEvent(raised.event());
            aggregate.mutableOutbox().add(new OutboxEntry(UUID.randomUUID().toString(), binding.topic(), binding.type(),
                    "/basins/" + basin.value() + "/" + collection + "/" + id, id.toString(), basin.value(),
                    aggregate.nextSequence(), now.instant(), mapper.writeValueAsString(raised.event()), traceparent));
        }
        return aggregate;
    }

    @Override
    public AggregateRoot onAfterSave(AggregateRoot aggregate, Document document, String collection) {
        if (!aggregate.pendingOutbox().isEmpty()) {
            relay.getObject().publishPending(aggregate);
        }
        return aggregate;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
