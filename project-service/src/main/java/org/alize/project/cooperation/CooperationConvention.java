package org.alize.project.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.alize.kernel.ProgrammeReferences;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;

/** The convention of one approved project: who must sign, who has, and once signed the advance calendar. */
public record CooperationConvention(String conventionId, LocalDate preparedOn, List<RequiredSignature> required,
        List<Signature> signatures, LocalDate signedOn, List<Instalment> schedule) {

    public CooperationConvention {
        required = List.copyOf(required);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    public List<RequiredSignature> missing() {
        List<RequiredSignature> missing = new ArrayList<>();
        for (RequiredSignature r : required) {
            if (signatures.stream().noneMatch(s -> s.key().equals(r.key()))) {
                missing.add(r);
            }
        }
        return missing;
    }

    public boolean isSigned() {
        return signedOn != null;
    }

    /** A convention prepared on the day of the approval, awaiting every signature {@code required}. */
    public static CooperationConvention prepare(String conventionId, LocalDate on, List<RequiredSignature> required) {
        return new CooperationConvention(conventionId, on, required, List.of(), null, List.of());
    }

    /**
     * A convention signed before the platform, as the basin's records give it: signed on {@code signedOn}, its
     * signatures on paper (none recorded here), no advance calendar (a past advance is finance's to take up).
     */
    public static CooperationConvention signedBefore(String conventionId, LocalDate approvedOn, LocalDate signedOn) {
        return new CooperationConvention(conventionId, approvedOn, List.of(), List.of(), signedOn, List.of());
    }

    /**
     * The convention with one more signature: the one of {@code key}, given by {@code signatory} on
     * {@code signedOn}, which follows the approval and is not in the future; each party signs once.
     */
    public CooperationConvention sign(String key, String signatory, LocalDate signedOn, LocalDate today, Instant at,
            String by) {
        RequiredSignature wanted = required.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> InvalidInput.field("key", "« " + key + " » ne signe pas cette convention ; attendues : "
                        + missing().stream().map(RequiredSignature::key).toList()));
        if (signatures.stream().anyMatch(s -> s.key().equals(key))) {
            throw new Conflict("convention.already-signed", wanted.party() + " a déjà signé.");
        }
        if (signatory == null || signatory.isBlank()) {
            throw InvalidInput.field("signatory", "le nom du signataire est obligatoire");
        }
        if (signedOn == null || signedOn.isAfter(today) || signedOn.isBefore(preparedOn)) {
            throw InvalidInput.field("signedOn", "la date de signature suit l'agrément et n'est pas future");
        }
        List<Signature> all = new ArrayList<>(signatures);
        all.add(new Signature(key, wanted.role(), wanted.party(), wanted.organisationId(), signatory.strip(), signedOn, at, by));
        return new CooperationConvention(conventionId, preparedOn, required, all, signedOn(), schedule);
    }

    /** The signature last given. */
    /** The latest day the mandatary's support is expected to end once signed: 24 months after (R-29: 18 to 24 months). */
    public Optional<LocalDate> followUpDueBy() {
        return signedOn == null ? Optional.empty()
                : Optional.of(signedOn.plusMonths(ProgrammeReferences.R25_MAXIMUM_FOLLOW_UP_MONTHS));
    }

    public Signature lastSignature() {
        return signatures.get(signatures.size() - 1);
    }

    /**
     * Once every party has signed: the convention is signed on the last signature's date, with the advance's
     * repayment calendar that {@code calendarFrom} draws from that date (empty when no advance was granted).
     */
    public CooperationConvention complete(Function<LocalDate, List<Instalment>> calendarFrom) {
        if (!missing().isEmpty()) {
            throw new IllegalStateException("convention " + conventionId + " still awaits " + missing());
        }
        LocalDate on = signatures.stream().map(Signature::signedOn).max(LocalDate::compareTo).orElseThrow();
        return new CooperationConvention(conventionId, preparedOn, required, signatures, on, calendarFrom.apply(on));
    }
}
