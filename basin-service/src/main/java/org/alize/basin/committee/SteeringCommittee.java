package org.alize.basin.committee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alize.basin.events.SteeringCommitteeChanged;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The local steering and evaluation committee (comité local de pilotage et d'évaluation, R-07): it
 * validates a posteriori the approval committee's decisions and results. Chaired by the Préfet or his
 * representative, or by a local authority with a substantial financial share.
 */
@Document("steering_committee")
public class SteeringCommittee extends AggregateRoot {

    public static final String ID = "steering";
    /** A local authority chairs only with at least this share of the money pledged to the convention. */
    public static final BigDecimal SUBSTANTIAL_SHARE_PERCENT = new BigDecimal("10");

    @Id
    private final String id;
    private final List<Chair> chairs;
    private final List<Seat> members;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    SteeringCommittee(String id, List<Chair> chairs, List<Seat> members, List<HistoryEntry> history) {
        this.id = id;
        this.chairs = chairs == null ? new ArrayList<>() : new ArrayList<>(chairs);
        this.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    public enum ChairKind {
        /** le Préfet ou son représentant */
        PREFECT,
        /** une collectivité territoriale à participation financière substantielle */
        LOCAL_AUTHORITY
    }

    /**
     * Who chaired over a period; for a local authority, its financial share of the convention then and the day the
     * Préfet agreed to let it chair.
     */
    public record Chair(ChairKind kind, Member person, BigDecimal financialSharePercent, Period period,
            LocalDate prefectAgreedOn) {
    }

    /** A member of the steering committee over a period. */
    public record Seat(Member person, Period period) {
    }

    public record Composition(LocalDate on, Chair chair, List<Seat> members) {
    }

    public static SteeringCommittee empty(BasinId basin) {
        SteeringCommittee created = new SteeringCommittee(ID, List.of(), List.of(), List.of());
        created.belongsTo(basin);
        return created;
    }

    /**
     * Appoints the chair from {@code from}; the former chair's term ends the day before.
     *
     * @param localAuthority     whether the person represents a local authority (a public funder of that kind)
     * @param sharePercent       that authority's financial share: its cash over the convention's cash, if it pledges
     * @param prefectAgreedOn    for a local authority, when the Préfet agreed to let it chair (« en accord avec ce
     *                           dernier »)
     */
    public void appointChair(ChairKind kind, Member person, boolean localAuthority, BigDecimal sharePercent,
            LocalDate prefectAgreedOn, LocalDate from, Instant at, String by) {
        if (from == null || kind == null) {
            throw InvalidInput.field(kind == null ? "kind" : "from", "obligatoire");
        }
        switch (kind) {
            case PREFECT -> {
                if (!"PREFECTURE".equals(person.affiliation())) {
                    throw new RuleViolation("R-07", "Le comité local de pilotage est présidé par le Préfet ou son "
                            + "représentant : " + person.name() + " ne représente pas la préfecture.");
                }
            }
            case LOCAL_AUTHORITY -> {
                if (!localAuthority) {
                    throw new RuleViolation("R-07", person.name() + " ne représente pas une collectivité territoriale.");
                }
                if (sharePercent == null || sharePercent.compareTo(SUBSTANTIAL_SHARE_PERCENT) < 0) {
                    throw new RuleViolation("R-07", "Une collectivité ne préside le comité local de pilotage qu'avec une "
                            + "participation financière substantielle (au moins " + SUBSTANTIAL_SHARE_PERCENT + " % des "
                            + "apports en argent de la convention) ; " + person.organisationName() + " en apporte "
                            + (sharePercent == null ? "0" : sharePercent.toPlainString()) + " %.");
                }
                if (prefectAgreedOn == null || prefectAgreedOn.isAfter(from)) {
                    throw new RuleViolation("R-07", "Une collectivité ne préside le comité local de pilotage qu'en accord avec le "
                            + "Préfet : indiquez la date de son accord, au plus tard le " + from + ".");
                }
            }
        }
        chairOn(from).ifPresent(current -> {
            if (!current.period().from().isBefore(from)) {
                throw new Conflict("steering.chair", "Une présidence commence déjà le " + current.period().from() + ".");
            }
            chairs.set(chairs.indexOf(current), new Chair(current.kind(), current.person(), current.financialSharePercent(),
                    new Period(current.period().from(), from.minusDays(1)), current.prefectAgreedOn()));
        });
        chairs.add(new Chair(kind, person, kind == ChairKind.LOCAL_AUTHORITY ? sharePercent : null, new Period(from, null),
                kind == ChairKind.LOCAL_AUTHORITY ? prefectAgreedOn : null));
        changed("CHAIR_APPOINTED", at, by, person.name() + " (" + kind + ") à partir du " + from);
    }

    public void addMember(Member person, LocalDate from, Instant at, String by) {
        if (from == null) {
            throw InvalidInput.field("from", "la date d'entrée est obligatoire");
        }
        Period period = new Period(from, null);
        if (members.stream().anyMatch(s -> s.person().personId().equals(person.personId()) && s.period().overlaps(period))) {
            throw new Conflict("steering.already-member", person.name() + " siège déjà au comité local de pilotage.");
        }
        members.add(new Seat(person, period));
        changed("MEMBER_ADDED", at, by, person.name() + " à partir du " + from);
    }

    public void endMember(String personId, LocalDate lastDay, Instant at, String by) {
        Seat seat = members.stream().filter(s -> s.person().personId().equals(personId) && s.period().isOpen()).findFirst()
                .orElseThrow(() -> new Conflict("steering.not-member", "Cette personne ne siège pas au comité local de pilotage."));
        if (lastDay == null || lastDay.isBefore(seat.period().from())) {
            throw InvalidInput.field("lastDay", "la date de sortie suit la date d'entrée (" + seat.period().from() + ")");
        }
        members.set(members.indexOf(seat), new Seat(seat.person(), new Period(seat.period().from(), lastDay)));
        changed("MEMBER_ENDED", at, by, seat.person().name() + " jusqu'au " + lastDay);
    }

    public Composition compositionOn(LocalDate date) {
        return new Composition(date, chairOn(date).orElse(null),
                members.stream().filter(s -> s.period().covers(date)).toList());
    }

    private Optional<Chair> chairOn(LocalDate date) {
        return chairs.stream().filter(c -> c.period().covers(date)).findFirst();
    }

    private void changed(String action, Instant at, String by, String detail) {
        history.add(new HistoryEntry(action, at, by, detail));
        raise(new SteeringCommitteeChanged(basin().value(),
                chairs.stream().map(c -> new SteeringCommitteeChanged.Chair(c.kind().name(), c.person().personId(),
                        c.person().name(), c.person().organisationId(), c.financialSharePercent(), c.period().from(),
                        c.period().to())).toList(),
                members.stream().map(s -> new SteeringCommitteeChanged.Member(s.person().personId(), s.person().name(),
                        s.period().from(), s.period().to())).toList(),
                action, at, by));
    }

    public List<Chair> chairs() {
        return List.copyOf(chairs);
    }

    public List<Seat> members() {
        return List.copyOf(members);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
