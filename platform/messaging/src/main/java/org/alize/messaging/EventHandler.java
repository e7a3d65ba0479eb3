package org.alize.messaging;

/** What a consumer does with one event. It runs with the event's basin in context. */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent<?> event);
}
