package org.alize.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.alize.messaging.EventTypes;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.CommandKey;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hooks the outbox into every save of an {@link AggregateRoot}, whether through a repository or
 * {@code MongoTemplate}: before the document is written, raised events become outbox entries in it;
 * once it is written, the relay publishes them.
 */
public class OutboxCallbacks implements BeforeConvertCallback<AggregateRoot>, AfterSaveCallback<AggregateRoot>,
        AfterConvertCallback<AggregateRoot>, Ordered {

    /** The largest event payload by default (alize.messaging.outbox.max-event-bytes): a quarter of Kafka's 1 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024;

    // resolved on first use: MongoTemplate finds its entity callbacks, and the relay needs MongoTemplate
    private final ObjectProvider<EventTypes> types;
    private final ObjectProvider<JsonMapper> json;
    private final ObjectProvider<MongoMappingContext> mappingContext;
    private final ObjectProvider<OutboxRelay> relay;
    private final ObjectProvider<Clock> clock;
    private final ObjectProvider<EventSealer> sealers;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final int maxEventBytes;

    /**
     * @param maxEventBytes the largest payload an event may have: well under the broker's record limit
     *                      (1 MiB by default), so that what is written can always be published
     */
    public OutboxCallbacks(ObjectProvider<EventTypes> types, ObjectProvider<JsonMapper> json,
            ObjectProvider<MongoMappingContext> mappingContext, ObjectProvider<OutboxRelay> relay,
            ObjectProvider<Clock> clock, ObjectProvider<EventSealer> sealers, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator, int maxEventBytes) {
        this.types = types;
        this.tracer = tracer;
        this.propagator = propagator;
        this.sealers = sealers;
        this.json = json;
        this.mappingContext = mappingContext;
        this.relay = relay;
        this.clock = clock;
        this.maxEventBytes = maxEventBytes;
    }


    @Override
    public AggregateRoot onBeforeConvert(AggregateRoot aggregate, String collection) {
        Object id = mappingContext.getObject().getRequiredPersistentEntity(aggregate.getClass())
                .getIdentifierAccessor(aggregate).getIdentifier();
        Optional<CommandKey> command = CommandKey.current();
        if (command.isPresent() && id != null) {
            // a keyed command's answer is kept only once it has run, so any run may follow one cut by a crash: the
            // first time this run writes an aggregate, one read by id tells whether an earlier run already wrote it
            String reference = collection + "/" + id;
            if (!CommandKey.hasWritten(reference) && relay.getObject().alreadyApplied(id, command.get().value(), collection)) {
                aggregate.drainRaised();
                throw new CommandAlreadyApplied(aggregate.getClass().getSimpleName(), id);
            }
            CommandKey.wrote(reference);
            aggregate.recordApplied(command.get().value());
        }
        List<AggregateRoot.Raised> events = aggregate.drainRaised();
        if (events.isEmpty()) {
            return aggregate;
        }
        if (id == null) {
            throw new IllegalStateException(aggregate.getClass().getSimpleName()
                    + " raised events before it had an id: assign the id when the aggregate is created");
        }
        BasinId ownBasin = events.stream().allMatch(e -> e.basin() != null) ? null : aggregate.eventBasin();
        EventTypes eventTypes = types.getObject();
        JsonMapper mapper = json.getObject();
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        String traceparent = currentTrace();
        List<String> payloads = new ArrayList<>();
        List<EventSealer> sealing = sealers.orderedStream().toList();
        for (AggregateRoot.Raised raised : events) {
            Object event = raised.event();
            for (EventSealer sealer : sealing) {
                event = sealer.seal(event, raised.basin() != null ? raised.basin() : ownBasin);
            }
            String payload = mapper.writeValueAsString(event);
            int size = payload.getBytes(StandardCharsets.UTF_8).length;
            if (size > maxEventBytes) {
                throw new EventTooLarge(raised.event().getClass().getSimpleName(), size, maxEventBytes);
            }
            payloads.add(payload);
        }
        for (int i = 0; i < events.size(); i++) {
            AggregateRoot.Raised raised = events.get(i);
            BasinId basin = raised.basin() != null ? raised.basin() : ownBasin;
            EventTypes.Binding binding = eventTypes.forEvent(raised.event());
            aggregate.mutableOutbox().add(new OutboxEntry(UUID.randomUUID().toString(), binding.topic(), binding.type(),
                    "/basins/" + basin.value() + "/" + collection + "/" + pathSegment(id.toString()), id.toString(), basin.value(),
                    aggregate.nextSequence(), now.instant(), payloads.get(i), traceparent));
        }
        return aggregate;
    }

    /**
     * The span that raised the events (a request's, a consumed event's) in W3C form, written by the service's
     * propagator: the relay publishes later, on its own thread, and continues this trace. Null outside any trace.
     */
    private String currentTrace() {
        Tracer current = tracer.getIfAvailable();
        Propagator writer = propagator.getIfAvailable();
        TraceContext context = current == null ? null : current.currentTraceContext().context();
        if (context == null || writer == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        writer.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    static final String TRACEPARENT = "traceparent";

    /**
     * An aggregate id as one segment of the event's {@code source} URI: percent-encoded (RFC 3986), so that no id —
     * however it was made — turns the source into an invalid URI the relay could never publish.
     */
    static String pathSegment(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An aggregate read from a basin's database belongs to that basin: the edge hands the domain its basin as a value. */
    @Override
    public AggregateRoot onAfterConvert(AggregateRoot aggregate, Document document, String collection) {
        BasinContext.current().ifPresent(aggregate::readFrom);
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
