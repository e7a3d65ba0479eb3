package org.alize.basin.organisation;

import java.time.Instant;
import java.util.List;

/** Organisations and people of the Valenciennois, for tests. Valid SIRETs (Luhn). */
public final class OrganisationMother {

    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private OrganisationMother() {
    }

    public static Organisation.Profile company(String name, String siret) {
        return new Organisation.Profile(name, siret, "30.20Z", SizeClass.LARGE, null, null,
                List.of(new Skill("industrialisation", 20)), new Address("1 rue du Rail", "59300", "Valenciennes"));
    }

    public static Organisation.Profile funder(String name, FunderKind kind) {
        return new Organisation.Profile(name, null, null, null, null, kind, List.of(), null);
    }

    public static Organisation.Profile associated(String name, AssociatedKind kind) {
        return new Organisation.Profile(name, null, null, null, kind, null, List.of(), null);
    }

    /** Fourteen-digit SIRETs that pass the Luhn check, numbered from 1. */
    public static String siret(int n) {
        return org.alize.testing.FictionalSiret.of(7328293200000L + n);
    }
}
