package org.alize.basin.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.alize.basin.events.NetworkMeetingCancelled;
import org.alize.basin.events.NetworkMeetingHeld;
import org.alize.basin.events.NetworkMeetingPlanned;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A network meeting: planned with the basins invited, then recorded as held with who attended, or cancelled. */
@Document("network_meetings")
public class NetworkMeeting extends AggregateRoot {

    public enum Kind {
        /** réunion « Vie du réseau » avec les opérateurs locaux */
        NETWORK_LIFE,
        /** l'événement national annuel */
        NATIONAL_EVENT
    }

    public enum Status {
        PLANNED, HELD, CANCELLED
    }

    /** Who came from one basin: its operator, its committee president. */
    public record Attendance(String basinId, boolean operator, boolean president) {
    }

    @Id
    private final String id;
    private final Kind kind;
    private String title;
    @Indexed
    private LocalDate date;
    private String location;
    private List<String> invitedBasins;
    private List<Attendance> attendance;
    private Status status;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    NetworkMeeting(String id, Kind kind, String title, LocalDate date, String location, List<String> invitedBasins,
            List<Attendance> attendance, Status status, List<HistoryEntry> history) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.date = date;
        this.location = location;
        this.invitedBasins = invitedBasins == null ? List.of() : List.copyOf(invitedBasins);
        this.attendance = attendance == null ? List.of() : List.copyOf(attendance);
        this.status = status;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    public static NetworkMeeting plan(String id, Kind kind, String title, LocalDate date, String location,
            List<String> invitedBasins, Instant at, String by) {
        if (kind == null || date == null || title == null || title.isBlank()) {
            throw InvalidInput.field(kind == null ? "kind" : date == null ? "date" : "title", "obligatoire");
        }
        List<String> invited = List.copyOf(new LinkedHashSet<>(invitedBasins == null ? List.of() : invitedBasins));
        invited.forEach(basin -> {
            if (!BasinId.isValid(basin)) {
                throw InvalidInput.field("invitedBasins", "identifiant de bassin invalide : " + basin);
            }
        });
        NetworkMeeting meeting = new NetworkMeeting(id, kind, title.strip(), date, location, invited, List.of(),
                Status.PLANNED, List.of());
        meeting.history.add(new HistoryEntry("PLANNED", at, by, title + " le " + date));
        for (String basin : invited) { // each basin invited hears of it on its own stream: its people are invited
            meeting.raise(new NetworkMeetingPlanned(basin, id, kind.name(), meeting.title, date, location, invited.size(), at,
                    by), BasinId.of(basin));
        }
        return meeting;
    }

    /** Records that the meeting took place and who came; each basin invited hears of it on its own stream. */
    public void recordHeld(List<Attendance> present, LocalDate today, Instant at, String by) {
        recordHeld(present, List.of(), today, at, by);
    }

    /**
     * Records that the meeting took place and who came. Every basin of the network hears of it on its own stream
     * every basin joins the network, so a basin's attendance is weighed against all the year's meetings): the
     * basins invited, and {@code network}, the basins active that day, as absent when they were not invited.
     */
    public void recordHeld(List<Attendance> present, List<String> network, LocalDate today, Instant at, String by) {
        if (status != Status.PLANNED) {
            throw new Conflict("meeting." + status.name().toLowerCase(), "Cette réunion est déjà "
                    + (status == Status.HELD ? "tenue" : "annulée") + ".");
        }
        if (date.isAfter(today)) {
            throw new Conflict("meeting.future", "La réunion du " + date + " n'a pas encore eu lieu.");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Attendance a : present) {
            if (!invitedBasins.contains(a.basinId())) {
                throw InvalidInput.field("attendance", "le bassin " + a.basinId() + " n'était pas invité");
            }
            if (!seen.add(a.basinId())) {
                throw InvalidInput.field("attendance", "le bassin " + a.basinId() + " est cité deux fois");
            }
        }
        this.attendance = List.copyOf(present);
        this.status = Status.HELD;
        int basinsPresent = (int) present.stream().filter(a -> a.operator() || a.president()).count();
        history.add(new HistoryEntry("HELD", at, by, basinsPresent + " bassin(s) présent(s) sur " + invitedBasins.size()));
        Set<String> told = new LinkedHashSet<>(invitedBasins);
        network.stream().filter(BasinId::isValid).forEach(told::add);
        for (String basin : told) {
            Attendance a = present.stream().filter(p -> p.basinId().equals(basin)).findFirst()
                    .orElse(new Attendance(basin, false, false));
            raise(new NetworkMeetingHeld(basin, id, kind.name(), title, date, a.operator(), a.president(),
                    invitedBasins.size(), basinsPresent, at, by), BasinId.of(basin));
        }
    }

    public void cancel(String reason, Instant at, String by) {
        if (status != Status.PLANNED) {
            throw new Conflict("meeting.not-planned", "Seule une réunion prévue peut être annulée.");
        }
        this.status = Status.CANCELLED;
        history.add(new HistoryEntry("CANCELLED", at, by, reason));
        for (String basin : invitedBasins) {
            raise(new NetworkMeetingCancelled(basin, id, title, date, reason, at, by), BasinId.of(basin));
        }
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public LocalDate date() {
        return date;
    }

    public String location() {
        return location;
    }

    public List<String> invitedBasins() {
        return invitedBasins;
    }

    public List<Attendance> attendance() {
        return attendance;
    }

    public Status status() {
        return status;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
