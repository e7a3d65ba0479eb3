package org.alize.basin.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alize.basin.events.BasinDetailsChanged;
import org.alize.basin.events.BasinPurged;
import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.BasinStatusChanged;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A basin in the network registry: a network-level aggregate (one document in {@code basin_network}),
 * whose events belong to the basin itself.
 */
@Document("basins")
public class Basin extends AggregateRoot {

    @Id
    private final String id;
    private String name;
    @Indexed
    private String region;
    private List<Commune> communes;
    private Set<PriorityCriterion> priorityCriteria;
    private String description;
    @Indexed
    private BasinStatus status;
    private LocalDate validatedOn;
    private String validationReference;
    private final List<Transition> history;
    private final Instant registeredAt;
    private final String registeredBy;

    @PersistenceCreator
    Basin(String id, String name, String region, List<Commune> communes, Set<PriorityCriterion> priorityCriteria,
            String description, BasinStatus status, LocalDate validatedOn, String validationReference,
            List<Transition> history, Instant registeredAt, String registeredBy) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.communes = communes;
        this.priorityCriteria = priorityCriteria;
        this.description = description;
        this.status = status;
        this.validatedOn = validatedOn;
        this.validationReference = validationReference;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    /** Registers a basin, awaiting the national steering committee; its perimeter is free. */
    public static Basin register(BasinId id, Details details, Instant at, String by) {
        Basin basin = new Basin(id.value(), null, null, null, null, null, BasinStatus.PROPOSED, null, null,
                List.of(), at, by);
        basin.apply(details);
        basin.raise(new BasinRegistered(id.value(), basin.name, basin.region, communeEvents(basin.communes),
                criteriaNames(basin.priorityCriteria), basin.description, BasinStatus.PROPOSED.name(), at, by));
        return basin;
    }

    /** Corrects the registry entry; a closed basin is kept as it was. */
    public void changeDetails(Details details, Instant at, String by) {
        if (status == BasinStatus.CLOSED) {
            throw new Conflict("basin.closed", "Le bassin " + id + " est clos : sa fiche n'est plus modifiable.");
        }
        apply(details);
        raise(new BasinDetailsChanged(id, name, region, communeEvents(communes), criteriaNames(priorityCriteria),
                description, at, by));
    }

    /** The national steering committee validated the basin on {@code decidedOn}, by decision {@code reference}. */
    public void validate(LocalDate decidedOn, String reference, String reason, LocalDate today, Instant at, String by) {
        require(BasinAction.VALIDATE);
        if (decidedOn == null || decidedOn.isAfter(today)) {
            throw InvalidInput.field("decidedOn", "la date de la décision du comité national est obligatoire et ne peut être future");
        }
        if (reference == null || reference.isBlank()) {
            throw new RuleViolation("R-01", "La validation d'un bassin par le comité national de pilotage doit citer "
                    + "la référence de sa décision.");
        }
        this.validatedOn = decidedOn;
        this.validationReference = reference.strip();
        move(BasinAction.VALIDATE, BasinStatus.VALIDATED, decidedOn, validationReference, reason, at, by);
    }

    /**
     * The basin starts (or resumes) operating. {@code missing} lists, in French, what it still lacks (an
     * appointed operator, R-03; a partnership convention in force, R-05/R-10): activation is refused while
     * anything is missing.
     */
    public void activate(Collection<String> missing, String reason, LocalDate today, Instant at, String by) {
        require(BasinAction.ACTIVATE);
        if (!missing.isEmpty()) {
            throw new RuleViolation("R-03", "Le bassin " + id + " ne peut pas être activé : " + String.join(" ; ", missing) + ".");
        }
        move(BasinAction.ACTIVATE, BasinStatus.ACTIVE, today, null, reason, at, by);
    }

    public void suspend(String reason, LocalDate today, Instant at, String by) {
        require(BasinAction.SUSPEND);
        move(BasinAction.SUSPEND, BasinStatus.SUSPENDED, today, null, requireReason(reason), at, by);
    }

    public void close(String reason, LocalDate today, Instant at, String by) {
        require(BasinAction.CLOSE);
        move(BasinAction.CLOSE, BasinStatus.CLOSED, today, null, requireReason(reason), at, by);
    }

    /**
     * Offboarding: a basin closed for longer than {@code retention} (the legal period its records are kept) has its data
     * purged in every service ({@link BasinPurged}); the registry keeps its id, name and history, so that the id is
     * never given to another basin.
     */
    public void purge(java.time.Duration retention, Instant now, String by) {
        if (status != BasinStatus.CLOSED) {
            throw new Conflict("basin.not-closed", "Le bassin " + id + " est " + status.label()
                    + " : seules les données d'un bassin fermé sont purgées.");
        }
        if (purgedAt() != null) {
            throw new Conflict("basin.purged", "Les données du bassin " + id + " ont déjà été purgées le "
                    + org.alize.kernel.BasinCalendar.dayOf(purgedAt()) + ".");
        }
        Instant until = retainedUntil(retention);
        if (now.isBefore(until)) {
            throw new Conflict("basin.retention", "Les données du bassin " + id + " sont conservées jusqu'au "
                    + org.alize.kernel.BasinCalendar.dayOf(until) + " (fermé le "
                    + org.alize.kernel.BasinCalendar.dayOf(closedAt()) + ").");
        }
        history.add(new Transition("PURGE", status, status, org.alize.kernel.BasinCalendar.dayOf(now), null,
                "données purgées au terme de leur durée de conservation", now, by));
        raise(new BasinPurged(id, closedAt(), now, by));
    }

    /** When the basin was last closed; null while it is not. */
    public Instant closedAt() {
        if (status != BasinStatus.CLOSED) {
            return null;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == BasinStatus.CLOSED && !"PURGE".equals(history.get(i).action())) {
                return history.get(i).at();
            }
        }
        return null;
    }

    /** Until when a closed basin's records are kept; null while it is not closed. */
    public Instant retainedUntil(java.time.Duration retention) {
        Instant closed = closedAt();
        return closed == null ? null : closed.plus(retention);
    }

    /** When its data was purged; null while it was not. */
    public Instant purgedAt() {
        return history.stream().filter(t -> "PURGE".equals(t.action())).map(Transition::at).findFirst().orElse(null);
    }

    private void require(BasinAction action) {
        if (!status.allowedActions().contains(action)) {
            throw new Conflict("basin.transition", "Impossible de " + action.verb() + " le bassin " + id + " : il est "
                    + status.label() + ".", status.allowedActions().stream().map(BasinAction::path).toList());
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif est obligatoire");
        }
        return reason.strip();
    }

    private void move(BasinAction action, BasinStatus to, LocalDate decidedOn, String reference, String reason,
            Instant at, String by) {
        BasinStatus from = status;
        status = to;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        history.add(new Transition(action.name(), from, to, decidedOn, reference, why, at, by));
        raise(new BasinStatusChanged(id, name, from.name(), to.name(), action.name(), decidedOn, reference, why, at, by));
    }

    private void apply(Details details) {
        if (details.name() == null || details.name().isBlank()) {
            throw InvalidInput.field("name", "le nom du bassin est obligatoire");
        }
        if (details.region() == null || details.region().isBlank()) {
            throw InvalidInput.field("region", "la région est obligatoire");
        }
        if (details.communes() == null || details.communes().isEmpty()) {
            throw new RuleViolation("R-02", "Le périmètre d'un bassin est une liste de communes : indiquez-en au moins une.");
        }
        Set<String> codes = new HashSet<>();
        for (Commune commune : details.communes()) {
            if (!codes.add(commune.inseeCode())) {
                throw InvalidInput.field("communes", "la commune " + commune.inseeCode() + " est citée deux fois");
            }
        }
        this.name = details.name().strip();
        this.region = details.region().strip();
        this.communes = List.copyOf(details.communes());
        this.priorityCriteria = details.priorityCriteria() == null || details.priorityCriteria().isEmpty()
                ? EnumSet.noneOf(PriorityCriterion.class) : EnumSet.copyOf(details.priorityCriteria());
        this.description = details.description() == null || details.description().isBlank() ? null : details.description().strip();
    }

    private static List<BasinRegistered.Commune> communeEvents(List<Commune> communes) {
        return communes.stream().map(c -> new BasinRegistered.Commune(c.inseeCode(), c.name())).toList();
    }

    private static List<String> criteriaNames(Set<PriorityCriterion> criteria) {
        return criteria.stream().sorted().map(Enum::name).toList();
    }

    @Override
    protected BasinId eventBasin() {
        return BasinId.of(id);
    }

    /** What ASTREES records about a basin, at registration or when correcting it. */
    public record Details(String name, String region, List<Commune> communes, Set<PriorityCriterion> priorityCriteria,
            String description) {
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public List<Commune> communes() {
        return communes;
    }

    public Set<PriorityCriterion> priorityCriteria() {
        return priorityCriteria == null ? Set.of() : Set.copyOf(priorityCriteria);
    }

    public String description() {
        return description;
    }

    public BasinStatus status() {
        return status;
    }

    public LocalDate validatedOn() {
        return validatedOn;
    }

    public String validationReference() {
        return validationReference;
    }

    public List<Transition> history() {
        return List.copyOf(history);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }
}
