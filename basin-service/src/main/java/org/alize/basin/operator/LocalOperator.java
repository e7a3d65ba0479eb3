package org.alize.basin.operator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alize.basin.events.LocalOperatorAppointed;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.RuleViolation;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** The basin's local operator: one document per basin, replaced by each new appointment, history kept. */
@Document("operator")
public class LocalOperator extends AggregateRoot {

    public static final String ID = "operator";

    @Id
    private final String id;
    private Appointment appointment;
    private final List<Appointment> previous;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    LocalOperator(String id, Appointment appointment, List<Appointment> previous, List<HistoryEntry> history) {
        this.id = id;
        this.appointment = appointment;
        this.previous = previous == null ? new ArrayList<>() : new ArrayList<>(previous);
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** An organisation carrying some (usually all) of the operator's functions. */
    public record Holder(String organisationId, String organisationName, Set<OperatorFunction> functions) {
    }

    /** the operator is chosen by consensus of these three. */
    public record Consensus(LocalDate agreedOn, boolean partnersAgreed, boolean steeringChairAgreed, boolean astreesAgreed) {
    }

    /** the two dedicated accounts, never the same. */
    public record BankAccounts(String advanceFund, String operating) {
    }

    public record Appointment(List<Holder> holders, LocalDate appointedOn, Consensus consensus, BankAccounts accounts,
            Instant recordedAt, String recordedBy) {
    }

    public static LocalOperator none(BasinId basin) {
        LocalOperator created = new LocalOperator(ID, null, List.of(), List.of());
        created.belongsTo(basin);
        return created;
    }

    /** Appoints the operator (or a new one, the former kept in history). */
    public void appoint(List<Holder> holders, LocalDate appointedOn, Consensus consensus, BankAccounts accounts,
            LocalDate today, Instant at, String by) {
        List<Holder> shared = checkedHolders(holders);
        checkConsensus(consensus);
        BankAccounts checkedAccounts = checkedAccounts(accounts);
        if (appointedOn == null || appointedOn.isAfter(today)) {
            throw InvalidInput.field("appointedOn", "la date de désignation est obligatoire et ne peut être future");
        }
        if (appointment != null) {
            previous.add(appointment);
        }
        appointment = new Appointment(shared, appointedOn, consensus, checkedAccounts, at, by);
        history.add(new HistoryEntry(previous.isEmpty() ? "APPOINTED" : "REPLACED", at, by,
                String.join(", ", shared.stream().map(Holder::organisationName).toList())));
        raise(new LocalOperatorAppointed(basin().value(), shared.stream()
                .map(h -> new LocalOperatorAppointed.Holder(h.organisationId(), h.organisationName(),
                        h.functions().stream().sorted().map(Enum::name).toList())).toList(),
                appointedOn, checkedAccounts.advanceFund(), checkedAccounts.operating(), at, by));
    }

    private static List<Holder> checkedHolders(List<Holder> holders) {
        if (holders == null || holders.isEmpty()) {
            throw new RuleViolation("R-03", "Un bassin a un opérateur local : désignez au moins une organisation.");
        }
        if (holders.size() == 1) {
            Holder only = holders.get(0);
            return List.of(new Holder(only.organisationId(), only.organisationName(), EnumSet.allOf(OperatorFunction.class)));
        }
        Set<OperatorFunction> covered = EnumSet.noneOf(OperatorFunction.class);
        Set<String> organisations = new HashSet<>();
        for (Holder holder : holders) {
            if (!organisations.add(holder.organisationId())) {
                throw InvalidInput.field("holders", holder.organisationName() + " est citée deux fois");
            }
            if (holder.functions() == null || holder.functions().isEmpty()) {
                throw new RuleViolation("R-03", "Quand les fonctions d'opérateur sont réparties, chaque organisation en "
                        + "porte une part : précisez celles de " + holder.organisationName() + ".");
            }
            for (OperatorFunction function : holder.functions()) {
                if (!covered.add(function)) {
                    throw new RuleViolation("R-03", "La fonction " + function + " est attribuée à deux organisations.");
                }
            }
        }
        Set<OperatorFunction> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
        if (!missing.isEmpty()) {
            throw new RuleViolation("R-03", "Fonctions d'opérateur sans titulaire : " + missing + ".");
        }
        return holders.stream().map(h -> new Holder(h.organisationId(), h.organisationName(), EnumSet.copyOf(h.functions())))
                .toList();
    }

    private static void checkConsensus(Consensus consensus) {
        if (consensus == null || consensus.agreedOn() == null || !consensus.partnersAgreed()
                || !consensus.steeringChairAgreed() || !consensus.astreesAgreed()) {
            throw new RuleViolation("R-03", "L'opérateur local est choisi par consensus des partenaires, du président du "
                    + "comité local de pilotage et d'ASTREES : les trois accords, datés, sont requis.");
        }
    }

    private static BankAccounts checkedAccounts(BankAccounts accounts) {
        if (accounts == null || !Iban.isValid(accounts.advanceFund())) {
            throw InvalidInput.field("accounts.advanceFund", "IBAN du fonds d'avances invalide");
        }
        if (!Iban.isValid(accounts.operating())) {
            throw InvalidInput.field("accounts.operating", "IBAN du compte de fonctionnement invalide");
        }
        BankAccounts normalised = new BankAccounts(Iban.normalise(accounts.advanceFund()), Iban.normalise(accounts.operating()));
        if (normalised.advanceFund().equals(normalised.operating())) {
            throw new RuleViolation("R-04", "Le fonds d'avances et le compte de fonctionnement sont deux comptes bancaires "
                    + "dédiés et distincts.");
        }
        return normalised;
    }

    public boolean isAppointed() {
        return appointment != null;
    }

    public Appointment appointment() {
        return appointment;
    }

    public List<Appointment> previous() {
        return List.copyOf(previous);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
