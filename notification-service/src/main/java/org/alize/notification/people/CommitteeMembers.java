package org.alize.notification.people;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The approval committee's memberships and presidencies as basin-service last published them: who is convened to a
 * session, who presides (invited to the network's meetings with the operator).
 */
@Document("committee")
public record CommitteeMembers(@Id String id, List<Membership> members, List<Membership> presidencies, long sequence) {

    public CommitteeMembers {
        members = members == null ? List.of() : List.copyOf(members);
        presidencies = presidencies == null ? List.of() : List.copyOf(presidencies);
    }

    public static final String ID = "approval";

    public record Membership(String personId, LocalDate from, LocalDate until) {

        boolean on(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (until == null || !until.isBefore(day));
        }
    }

    /** Who presides the committee on {@code day}, if anyone. */
    public java.util.Optional<String> presidentOn(LocalDate day) {
        return presidencies.stream().filter(p -> p.on(day)).map(Membership::personId).findFirst();
    }

    /** The ids of those who are members on {@code day}, each once. */
    public List<String> on(LocalDate day) {
        return members.stream().filter(m -> m.on(day)).map(Membership::personId).distinct().toList();
    }
}
