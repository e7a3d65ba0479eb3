package org.alize.basin.convention;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.alize.basin.organisation.OrganisationKind;
import org.alize.basin.organisation.ResourceCategory;
import org.alize.kernel.Money;
import org.alize.kernel.problem.InvalidInput;

/**
 * What one partner commits over the convention's 3 years: cash, skills (days × daily value) and
 * in-kind contributions, in its resource category.
 */
public record Pledge(String organisationId, String organisationName, OrganisationKind organisationKind,
        ResourceCategory category, BigDecimal cash, int skillsDays, BigDecimal skillsDailyValue, BigDecimal inKind,
        String note) {

    public Pledge {
        cash = Money.orZero(cash, "pledges.cash");
        skillsDailyValue = Money.orZero(skillsDailyValue, "pledges.skillsDailyValue");
        inKind = Money.orZero(inKind, "pledges.inKind");
        if (skillsDays < 0) {
            throw InvalidInput.field("pledges.skillsDays", "un nombre de jours ne peut être négatif");
        }
        if (skillsDays > 0 && skillsDailyValue.signum() == 0) {
            throw InvalidInput.field("pledges.skillsDailyValue", "des jours de compétences se valorisent : indiquez la valeur d'une journée");
        }
    }

    public BigDecimal skillsValue() {
        return skillsDailyValue.multiply(BigDecimal.valueOf(skillsDays)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Cash and valued contributions together: what counts in the resource profile. */
    public BigDecimal total() {
        return cash.add(skillsValue()).add(inKind);
    }
}
