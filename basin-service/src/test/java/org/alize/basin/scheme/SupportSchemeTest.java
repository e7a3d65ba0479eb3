package org.alize.basin.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.alize.basin.events.SupportSchemeRecorded;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.junit.jupiter.api.Test;

class SupportSchemeTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void the_basin_keeps_a_register_of_the_other_support_schemes_R08() {
        BasinContext.runIn(BasinId.of("valenciennois"), () -> {
            SupportScheme pfil = SupportScheme.register(TEST_BASIN, "s1", new SupportScheme.Details("Initiative Valenciennes",
                    SupportScheme.Kind.PFIL, "prêts d'honneur", null, null, null, null), NOW, "op");

            pfil.retire("fusion avec Initiative Nord", NOW, "op");

            assertThat(pfil.active()).isFalse();
            assertThat(pfil.raisedEvents()).hasSize(2).last().isInstanceOfSatisfying(SupportSchemeRecorded.class,
                    e -> assertThat(e.active()).isFalse());
            assertThatThrownBy(() -> pfil.retire("encore", NOW, "op")).isInstanceOf(Conflict.class);
            assertThatThrownBy(() -> SupportScheme.register(TEST_BASIN, "s2", new SupportScheme.Details(" ", SupportScheme.Kind.SPL,
                    null, null, null, null, null), NOW, "op")).isInstanceOf(InvalidInput.class);
        });
    }

    @Test
    void a_schemes_website_is_a_web_address_never_a_script_R08() {
        for (String website : new String[] {"javascript:alert(document.cookie)", "data:text/html,<script>", "www.pfil.example",
                "https://pfil.example/\"onmouseover=\"x"}) {
            assertThatThrownBy(() -> SupportScheme.register(TEST_BASIN, "s3", new SupportScheme.Details("Initiative",
                    SupportScheme.Kind.PFIL, null, null, null, null, website), NOW, "op")).as(website)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.detail()).contains("« website »"));
        }
        BasinContext.runIn(TEST_BASIN, () -> assertThat(SupportScheme.register(TEST_BASIN, "s4", new SupportScheme.Details("Initiative",
                SupportScheme.Kind.PFIL, null, null, null, null, "https://initiative-valenciennes.example/pret-d-honneur"), NOW, "op")
                .details().website()).startsWith("https://"));
    }
}
