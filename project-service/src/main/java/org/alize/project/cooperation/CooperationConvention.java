package org.alize.project.cooperation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    CooperationConvention with(Signature signature) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new CooperationConvention(conventionId, preparedOn, required, all, signedOn, schedule);
    }

    CooperationConvention signed(LocalDate on, List<Instalment> calendar) {
        return new CooperationConvention(conventionId, preparedOn, required, signatures, on, calendar);
    }
}
