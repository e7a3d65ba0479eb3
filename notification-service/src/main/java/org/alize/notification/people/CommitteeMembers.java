package org.alize.notification.people;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The approval committee's memberships as basin-service last published them: who is convened to a session. */
@Document("committee")
public record CommitteeMembers(@Id String id, List<Membership> members, long sequence) {

    public static final String ID = "approval";

    public record Membership(String personId, LocalDate from, LocalDate until) {

        boolean on(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (until == null || !until.isBefore(day));
        }
    }

    /** The ids of those who are members on {@code day}, each once. */
    public List<String> on(LocalDate day) {
        return members.stream().filter(m -> m.on(day)).map(Membership::personId).distinct().toList();
    }
}
