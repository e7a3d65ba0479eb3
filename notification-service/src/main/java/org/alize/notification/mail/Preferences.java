package org.alize.notification.mail;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person's choices in a basin: a frequency per kind; a kind not chosen is sent at once. */
@Document("preferences")
public record Preferences(@Id String personId, Map<Kind, Frequency> choices, Instant updatedAt, String updatedBy) {

    public Preferences {
        choices = choices == null ? Map.of() : Map.copyOf(choices);
    }

    public static Preferences defaults(String personId) {
        return new Preferences(personId, Map.of(), null, null);
    }

    public Frequency of(Kind kind) {
        return choices.getOrDefault(kind, Frequency.IMMEDIATE);
    }

    /** Every kind with its frequency, defaults included, in the kinds' order. */
    public Map<Kind, Frequency> all() {
        Map<Kind, Frequency> all = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.CHOSEN) {
            all.put(kind, of(kind));
        }
        return all;
    }
}
