package org.alize.messaging;

/**
 * A record that can never be handled, however often it is retried (no basin, no payload, a payload
 * that does not fit its type): it goes straight to the dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
