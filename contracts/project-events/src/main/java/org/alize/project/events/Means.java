package org.alize.project.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * The means an approval grants: skills missions, in-kind contributions, a repayable advance, a
 * subsidised loan, direct financing. Amounts in euros with 2 decimals; absent parts are {@code null}
 * or empty.
 */
public record Means(List<SkillsMission> skillsMissions, List<InKind> inKind, Advance advance, SubsidisedLoan subsidisedLoan,
        DirectFinancing directFinancing) {

    /** Staff days a partner company gives the SME, valued at a daily rate. */
    public record SkillsMission(String missionId, String partnerId, String partnerName, String domain, int days,
            BigDecimal dailyValue, BigDecimal value) {
    }

    /** A non-cash help valued in euros. */
    public record InKind(String description, String providerId, BigDecimal value) {
    }

    /** An interest-free repayable advance from the basin's fund; {@code frequency} is {@code MONTHLY} or {@code QUARTERLY}. */
    public record Advance(BigDecimal amount, int durationMonths, int graceMonths, String frequency) {
    }

    /** A loan at a reduced rate from a lender. */
    public record SubsidisedLoan(String lender, BigDecimal amount, BigDecimal ratePercent, int durationMonths) {
    }

    /** A grant paid by a funder. */
    public record DirectFinancing(String funder, BigDecimal amount) {
    }
}
