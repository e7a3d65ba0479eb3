package org.alize.project.cooperation;

import java.time.LocalDate;
import java.util.List;

import org.alize.project.project.GrantedMeans;

/** Operations on a convention the project aggregate performs; kept here so the convention's rules live with it. */
public final class Conventions {

    private Conventions() {
    }

    public static CooperationConvention prepare(String conventionId, LocalDate on, List<RequiredSignature> required) {
        return new CooperationConvention(conventionId, on, required, List.of(), null, List.of());
    }

    public static CooperationConvention add(CooperationConvention convention, Signature signature) {
        return convention.with(signature);
    }

    /** Marks the convention signed on the last signature's date, with the calendar of the advance if one was granted. */
    public static CooperationConvention complete(CooperationConvention convention, GrantedMeans.AdvanceTerms advance) {
        LocalDate on = convention.signatures().stream().map(Signature::signedOn).max(LocalDate::compareTo).orElseThrow();
        return convention.signed(on, advance == null ? List.of() : RepaymentCalendar.of(advance, on));
    }
}
