package org.alize.basin.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Ids;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** The basin's approval committee (comité d'agrément), with every dated change kept. */
@Document("approval_committee")
public class ApprovalCommittee extends AggregateRoot {

    public static final String ID = "approval";

    @Id
    private final String id;
    private final List<Membership> memberships;
    private final List<Presidency> presidencies;
    private QuorumRule quorum;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    ApprovalCommittee(String id, List<Membership> memberships, List<Presidency> presidencies, QuorumRule quorum,
            List<HistoryEntry> history) {
        this.id = id;
        this.memberships = memberships == null ? new ArrayList<>() : new ArrayList<>(memberships);
        this.presidencies = presidencies == null ? new ArrayList<>() : new ArrayList<>(presidencies);
        this.quorum = quorum == null ? QuorumRule.MAJORITY : quorum;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** A seat held by a person over a period. */
    public record Membership(String membershipId, Member member, Seat seat, boolean voting, Period period, String endReason) {
    }

    /** Who presided over a period. */
    public record Presidency(String personId, String name, String organisationName, Period period) {
    }

    /** The committee as it stood on one date. */
    public record Composition(LocalDate on, List<Membership> members, Presidency president, int votingMembers,
            int quorum, QuorumRule quorumRule, List<String> gaps) {
    }

    public static ApprovalCommittee empty(BasinId basin) {
        ApprovalCommittee created = new ApprovalCommittee(ID, List.of(), List.of(), QuorumRule.MAJORITY, List.of());
        created.belongsTo(basin);
        return created;
    }

    /** Seats a person from {@code from} (R-06: partner representatives, one ASTREES representative, relay structures). */
    public Membership appoint(Member member, Seat seat, boolean voting, LocalDate from, Instant at, String by) {
        if (from == null) {
            throw InvalidInput.field("from", "la date d'entrée au comité est obligatoire");
        }
        Period period = new Period(from, null);
        switch (seat) {
            case PARTNER_REPRESENTATIVE, RELAY_STRUCTURE -> {
                if (member.organisationId() == null) {
                    throw new RuleViolation("R-06", member.name() + " ne représente aucune organisation partenaire du bassin.");
                }
            }
            case ASTREES_REPRESENTATIVE -> {
                if (!"ASTREES".equals(member.affiliation())) {
                    throw new RuleViolation("R-06", member.name() + " ne représente pas ASTREES.");
                }
                memberships.stream().filter(m -> m.seat() == Seat.ASTREES_REPRESENTATIVE && m.period().overlaps(period))
                        .findAny().ifPresent(m -> {
                            throw new RuleViolation("R-06", "Le comité d'agrément compte un représentant d'ASTREES : "
                                    + m.member().name() + " siège déjà à partir du " + m.period().from() + ".");
                        });
            }
        }
        memberships.stream().filter(m -> m.member().personId().equals(member.personId()) && m.period().overlaps(period))
                .findAny().ifPresent(m -> {
                    throw new Conflict("committee.already-member", member.name() + " siège déjà au comité sur cette période.");
                });
        Membership membership = new Membership(Ids.next("mbr"), member, seat, voting, period, null);
        memberships.add(membership);
        changed("APPOINTED", at, by, member.name() + " (" + seat + ") à partir du " + from);
        return membership;
    }

    /** The person leaves the committee after {@code lastDay}; if presiding, the presidency ends with it. */
    public void end(String membershipId, LocalDate lastDay, String reason, Instant at, String by) {
        Membership membership = membership(membershipId);
        if (!membership.period().isOpen()) {
            throw new Conflict("committee.already-ended", membership.member().name() + " a déjà quitté le comité le "
                    + membership.period().to() + ".");
        }
        if (lastDay == null || lastDay.isBefore(membership.period().from())) {
            throw InvalidInput.field("lastDay", "la date de sortie suit la date d'entrée (" + membership.period().from() + ")");
        }
        memberships.set(memberships.indexOf(membership), new Membership(membership.membershipId(), membership.member(),
                membership.seat(), membership.voting(), new Period(membership.period().from(), lastDay), reason));
        presidencyOn(lastDay).filter(p -> p.personId().equals(membership.member().personId()) && p.period().isOpen())
                .ifPresent(p -> presidencies.set(presidencies.indexOf(p),
                        new Presidency(p.personId(), p.name(), p.organisationName(), new Period(p.period().from(), lastDay))));
        changed("ENDED", at, by, membership.member().name() + " jusqu'au " + lastDay + (reason == null ? "" : " : " + reason));
    }

    /**
     * The committee elects its president from {@code from}: a member who represents a partner
     * company and is in activity. The former presidency ends the day before.
     */
    public void electPresident(String personId, LocalDate from, Instant at, String by) {
        if (from == null) {
            throw InvalidInput.field("from", "la date de prise de fonction est obligatoire");
        }
        Membership membership = memberships.stream()
                .filter(m -> m.member().personId().equals(personId) && m.period().covers(from)).findFirst()
                .orElseThrow(() -> new RuleViolation("R-06", "Le président est choisi parmi les membres du comité à cette date."));
        Member member = membership.member();
        if (membership.seat() != Seat.PARTNER_REPRESENTATIVE || !"PARTNER_COMPANY".equals(member.organisationKind())) {
            throw new RuleViolation("R-06", "Le président du comité d'agrément représente une entreprise partenaire ; "
                    + member.name() + " n'en représente pas.");
        }
        if (!member.inActivity()) {
            throw new RuleViolation("R-06", "Le président du comité d'agrément est un représentant en activité ; "
                    + member.name() + " ne l'est plus.");
        }
        Optional<Presidency> current = presidencyOn(from);
        current.ifPresent(p -> {
            if (!p.period().from().isBefore(from)) {
                throw new Conflict("committee.presidency", "Une présidence commence déjà le " + p.period().from() + ".");
            }
            presidencies.set(presidencies.indexOf(p), new Presidency(p.personId(), p.name(), p.organisationName(),
                    new Period(p.period().from(), from.minusDays(1))));
        });
        presidencies.add(new Presidency(personId, member.name(), member.organisationName(),
                new Period(from, membership.period().to())));
        changed("PRESIDENT_ELECTED", at, by, member.name() + " à partir du " + from);
    }

    /** Brings a member's facts (such as being in activity) up to date in their open memberships. */
    public void refreshMember(Member member) {
        for (int i = 0; i < memberships.size(); i++) {
            Membership m = memberships.get(i);
            if (m.member().personId().equals(member.personId()) && m.period().isOpen()) {
                memberships.set(i, new Membership(m.membershipId(), member, m.seat(), m.voting(), m.period(), m.endReason()));
            }
        }
    }

    public void setQuorum(QuorumRule rule, Instant at, String by) {
        this.quorum = rule == null ? QuorumRule.MAJORITY : rule;
        changed("QUORUM_SET", at, by, quorum.kind() + (quorum.minimum() == null ? "" : " " + quorum.minimum()));
    }

    /** Who sat, who presided and the quorum on {@code date}, with what the composition lacks then. */
    public Composition compositionOn(LocalDate date) {
        List<Membership> present = memberships.stream().filter(m -> m.period().covers(date)).toList();
        int voting = (int) present.stream().filter(Membership::voting).count();
        Presidency president = presidencyOn(date).orElse(null);
        List<String> gaps = new ArrayList<>();
        if (president == null) {
            gaps.add("aucun président (R-06)");
        }
        if (present.stream().noneMatch(m -> m.seat() == Seat.ASTREES_REPRESENTATIVE)) {
            gaps.add("aucun représentant d'ASTREES (R-06)");
        }
        if (voting == 0) {
            gaps.add("aucun membre votant");
        }
        return new Composition(date, present, president, voting, quorum.required(voting), quorum, gaps);
    }

    private Optional<Presidency> presidencyOn(LocalDate date) {
        return presidencies.stream().filter(p -> p.period().covers(date)).findFirst();
    }

    private Membership membership(String membershipId) {
        return memberships.stream().filter(m -> m.membershipId().equals(membershipId)).findFirst()
                .orElseThrow(() -> new NotFound("committee.membership-not-found", "Aucun mandat « " + membershipId + " »."));
    }

    private void changed(String action, Instant at, String by, String detail) {
        history.add(new HistoryEntry(action, at, by, detail));
        raise(new ApprovalCommitteeChanged(basin().value(),
                memberships.stream().map(m -> new ApprovalCommitteeChanged.Member(m.membershipId(), m.member().personId(),
                        m.member().name(), m.member().organisationId(), m.member().organisationKind(), m.seat().name(),
                        m.voting(), m.period().from(), m.period().to())).toList(),
                presidencies.stream().map(p -> new ApprovalCommitteeChanged.Presidency(p.personId(), p.name(),
                        p.period().from(), p.period().to())).toList(),
                quorum.kind().name(), quorum.minimum(), action, at, by));
    }

    public List<Membership> memberships() {
        return List.copyOf(memberships);
    }

    public List<Presidency> presidencies() {
        return List.copyOf(presidencies);
    }

    public QuorumRule quorum() {
        return quorum;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
