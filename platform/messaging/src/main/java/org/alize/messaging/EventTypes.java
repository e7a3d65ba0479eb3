package org.alize.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every event type this service knows, from all its {@link EventCatalog}s, looked up both ways. */
public final class EventTypes {

    /** Where an event class is published and under which logical type. */
    public record Binding(String topic, String type, Class<?> payload) {
    }

    private final Map<String, Binding> byType = new HashMap<>();
    private final Map<Class<?>, Binding> byClass = new HashMap<>();
    private final Set<String> topics = new LinkedHashSet<>();

    public EventTypes(Collection<EventCatalog> catalogs) {
        for (EventCatalog catalog : catalogs) {
            topics.add(catalog.topic());
            catalog.types().forEach((type, payload) -> {
                Binding binding = new Binding(catalog.topic(), type, payload);
                Binding previous = byType.putIfAbsent(type, binding);
                if (previous != null && !previous.equals(binding)) {
                    throw new IllegalStateException("event type " + type + " is declared twice: " + previous + " and " + binding);
                }
                byClass.putIfAbsent(payload, binding);
            });
        }
    }

    /** The binding of an event object this service raises; fails for a class no catalogue names. */
    public Binding forEvent(Object event) {
        Binding binding = byClass.get(event.getClass());
        if (binding == null) {
            throw new IllegalArgumentException(event.getClass().getName()
                    + " is not in any EventCatalog of this service: declare it before raising it");
        }
        return binding;
    }

    public Optional<Binding> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<String> topics() {
        return Set.copyOf(topics);
    }
}
