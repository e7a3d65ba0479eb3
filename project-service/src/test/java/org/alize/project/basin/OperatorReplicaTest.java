package org.alize.project.basin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OperatorReplicaTest {

    @Test
    void the_advance_annex_is_signed_by_the_holder_of_the_funds_management_not_the_first_holder_R24() {
        Replica.Operator split = new Replica.Operator(Replica.Operator.ID, List.of(
                new Replica.Operator.Holder("org-agence", "Agence de développement", List.of("PROJECT_DETECTION", "COMMITTEE_SECRETARIAT")),
                new Replica.Operator.Holder("org-pfil", "Initiative Valenciennes", List.of("FUND_MANAGEMENT"))), 3);
        Replica.Operator single = new Replica.Operator(Replica.Operator.ID, List.of(
                new Replica.Operator.Holder("org-vmd", "Valenciennes Métropole Développement", null)), 1);

        assertThat(split.fundManager()).get().extracting(Replica.Operator.Holder::organisationId).isEqualTo("org-pfil");
        assertThat(single.fundManager()).get().extracting(Replica.Operator.Holder::organisationId).isEqualTo("org-vmd");
        assertThat(new Replica.Operator(Replica.Operator.ID, List.of(), 1).fundManager()).isEmpty();
    }
}
