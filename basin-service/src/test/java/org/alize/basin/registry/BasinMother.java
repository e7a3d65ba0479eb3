package org.alize.basin.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.alize.tenancy.BasinId;

/** Basins in every state, for tests. */
public final class BasinMother {

    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private BasinMother() {
    }

    public static Basin.Details valenciennoisDetails() {
        return new Basin.Details("Bassin du Valenciennois", "Hauts-de-France",
                List.of(new Commune("59606", "Valenciennes"), new Commune("59172", "Condé-sur-l'Escaut")),
                Set.of(PriorityCriterion.FORESEEABLE_INDUSTRIAL_CHANGE), "Bassin industriel en mutation");
    }

    public static Basin proposed() {
        return Basin.register(BasinId.of("valenciennois"), valenciennoisDetails(), NOW, "astrees");
    }

    public static Basin validated() {
        Basin basin = proposed();
        basin.validate(TODAY.minusDays(10), "CNP-2026-02", null, TODAY, NOW, "astrees");
        return basin;
    }

    public static Basin active() {
        Basin basin = validated();
        basin.activate(List.of(), null, TODAY, NOW, "astrees");
        return basin;
    }
}
