package org.alize.messaging.outbox;

import java.util.Map;

import org.alize.kernel.problem.ApiProblem;

/**
 * 422: the command would raise an event larger than the relay may publish. Refused before anything is
 * written, so that an oversized record can never sit at the head of an outbox.
 */
public class EventTooLarge extends ApiProblem {

    public EventTooLarge(String eventType, int sizeBytes, int limitBytes) {
        super(Kind.REFUSED, "event.too-large", "Opération trop volumineuse",
                "Cette opération produirait un événement de " + (sizeBytes + 1023) / 1024 + " Kio, au-delà de la limite de "
                        + limitBytes / 1024 + " Kio : rien n'a été enregistré.",
                Map.of("eventType", eventType, "sizeBytes", sizeBytes, "limitBytes", limitBytes));
    }
}
