package org.alize.project.project;

import org.alize.kernel.problem.RuleViolation;

/**
 * A project's diagnoses: the prescriber's preliminary one, with the selection scores of R-21, and a
 * complementary one by a named business professional when the committee asked for it. Held by the project (its
 * fields stored flat in the project's document).
 */
public final class Diagnoses {

    private Diagnosis preliminaryDiagnosis;
    private Diagnosis complementaryDiagnosis;
    private boolean complementaryDiagnosisRequested;

    Diagnoses() {
    }

    /** Records a diagnosis: the preliminary one only by the project's prescriber; a complementary one answers the request. */
    void record(Diagnosis diagnosis, Prescriber prescriber) {
        if (diagnosis.kind() == Diagnosis.Kind.PRELIMINARY) {
            if (!prescriber.personId().equals(diagnosis.authorPersonId())) {
                throw new RuleViolation("R-22", "Le diagnostic préalable est celui du prescripteur, " + prescriber.name() + ".");
            }
            preliminaryDiagnosis = diagnosis;
        } else {
            complementaryDiagnosis = diagnosis;
            complementaryDiagnosisRequested = false;
        }
    }

    /** Refuses the committee's agenda until the preliminary diagnosis, and any complementary one requested, exist. */
    void requireReadyForCommittee() {
        if (preliminaryDiagnosis == null) {
            throw new RuleViolation("R-22", "Le diagnostic préalable du prescripteur doit être disponible avant que le projet "
                    + "aille en comité.");
        }
        if (complementaryDiagnosisRequested) {
            throw new RuleViolation("R-22", "Le comité a demandé un diagnostic complémentaire : enregistrez-le d'abord.");
        }
    }

    /** The committee postponed its decision, asking (or not) for a complementary diagnosis. */
    void complementaryRequested(boolean requested) {
        complementaryDiagnosisRequested = requested;
    }

    public Diagnosis preliminary() {
        return preliminaryDiagnosis;
    }

    public Diagnosis complementary() {
        return complementaryDiagnosis;
    }

    public boolean complementaryRequested() {
        return complementaryDiagnosisRequested;
    }
}
