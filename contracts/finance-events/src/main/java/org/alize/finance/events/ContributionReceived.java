package org.alize.finance.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Cash from a partner reached one of the basin's accounts against its pledge.
 *
 * @param contributionId   the contribution's id in its basin
 * @param basinId          the basin, also the record key
 * @param partnerId        the contributing organisation
 * @param resourceCategory {@code COMPANIES}, {@code TERRITORIAL_ACTORS}, {@code LOCAL_AUTHORITIES} or
 *                         {@code STATE_AND_CDC}
 * @param account          {@code ADVANCE_FUND} or {@code OPERATING_ACCOUNT}
 * @param amount           euros, 2 decimals, positive
 * @param receivedOn       value date, in the basin's calendar
 * @param recordedAt       when it was recorded, UTC
 * @param recordedBy       who (token subject)
 */
public record ContributionReceived(String contributionId, String basinId, String partnerId, String resourceCategory,
        String account, BigDecimal amount, LocalDate receivedOn, Instant recordedAt, String recordedBy) {
}
