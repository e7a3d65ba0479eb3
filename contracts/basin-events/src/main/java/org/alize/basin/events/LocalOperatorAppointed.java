package org.alize.basin.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The basin's local operator was appointed by consensus, exceptionally as several organisations
 * sharing its functions, with its two dedicated bank accounts. Finance-service opens its
 * accounts from the account references.
 */
public record LocalOperatorAppointed(String basinId, List<Holder> holders, LocalDate appointedOn,
        String advanceFundAccount, String operatingAccount, Instant appointedAt, String appointedBy) {

    /** One organisation carrying operator functions. */
    public record Holder(String organisationId, String organisationName, List<String> functions) {
    }
}
