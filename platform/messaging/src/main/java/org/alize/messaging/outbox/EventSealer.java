package org.alize.messaging.outbox;

import org.alize.tenancy.BasinId;

/**
 * Rewrites an event before it is written to the outbox, so that the personal data it carries leaves the service only
 * sealed with its person's key ({@link org.alize.tenancy.personal.PersonalData}): events live forever on the topics,
 * a person's erasure destroys the key. A service that raises such events declares one bean; the aggregates raise
 * their events as the domain knows them.
 */
@FunctionalInterface
public interface EventSealer {

    /** The event as it is published: {@code event} itself, or a copy with its personal fields sealed. */
    Object seal(Object event, BasinId basin);
}
