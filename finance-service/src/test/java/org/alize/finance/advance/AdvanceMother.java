package org.alize.finance.advance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.alize.tenancy.BasinId;

/** Advances for tests: 12 000 € over 12 months, monthly, no grace, signed on 2026-01-15. */
public final class AdvanceMother {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    public static final LocalDate SIGNED_ON = LocalDate.of(2026, 1, 15);
    public static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private AdvanceMother() {
    }

    public static Advance open() {
        return Advance.open(TEST_BASIN, "prj-1", "2026-001", "Chaudronnerie du Hainaut", "cc-2026-001", SIGNED_ON, new BigDecimal("12000"),
                new Advance.Terms(12, 0, Frequency.MONTHLY), null, NOW, "project-service");
    }

    public static Advance disbursed() {
        Advance advance = open();
        advance.disburse(SIGNED_ON.plusDays(5), new BigDecimal("12000"), SIGNED_ON.plusDays(5), NOW, "op");
        return advance;
    }
}
