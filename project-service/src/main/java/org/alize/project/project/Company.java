package org.alize.project.project;

import java.time.LocalDate;

/** The SME carrying the project; its SIRET may be absent for a creation not yet registered. */
public record Company(String name, String siret, String nafCode, LocalDate createdOn, Integer headcount, String city) {

    /** The programme's public: SMEs of more than three years (R-28, « les PME de plus de trois ans »). */
    public static final int TARGET_AGE_YEARS = 3;

    /** Whole years since its creation on {@code date}; empty when the creation date is not known. */
    public java.util.Optional<Integer> ageOn(LocalDate date) {
        return java.util.Optional.ofNullable(createdOn).filter(c -> !c.isAfter(date))
                .map(c -> java.time.Period.between(c, date).getYears());
    }

    /**
     * Whether the SME belongs to the programme's target public on {@code date}: more than three years old.
     * Younger firms are not refused (creators with SME potential are beneficiaries too, R-20); the figure is shown.
     */
    public java.util.Optional<Boolean> inTargetPublicOn(LocalDate date) {
        return java.util.Optional.ofNullable(createdOn).map(c -> c.plusYears(TARGET_AGE_YEARS).isBefore(date));
    }
}
