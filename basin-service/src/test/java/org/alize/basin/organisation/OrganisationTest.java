package org.alize.basin.organisation;

import static org.alize.basin.organisation.OrganisationMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.alize.basin.events.OrganisationRecorded;
import org.alize.basin.events.PersonRecorded;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.InBasin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrganisationTest {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    @RegisterExtension
    static final InBasin VALENCIENNOIS = new InBasin("valenciennois");

    @Test
    void each_kind_of_organisation_falls_in_its_resource_category_R13() {
        assertThat(Organisation.join(TEST_BASIN, "o1", OrganisationKind.PARTNER_COMPANY,
                OrganisationMother.company("Hainaut Rail Systèmes", OrganisationMother.siret(1)), NOW, "op").resourceCategory())
                .isEqualTo(ResourceCategory.COMPANIES);
        assertThat(Organisation.join(TEST_BASIN, "o2", OrganisationKind.ASSOCIATED_PARTNER,
                OrganisationMother.associated("CCI Grand Hainaut", AssociatedKind.CHAMBER), NOW, "op").resourceCategory())
                .isEqualTo(ResourceCategory.TERRITORIAL_ACTORS);
        assertThat(Organisation.join(TEST_BASIN, "o3", OrganisationKind.PUBLIC_FUNDER,
                OrganisationMother.funder("Région Hauts-de-France", FunderKind.LOCAL_AUTHORITY), NOW, "op").resourceCategory())
                .isEqualTo(ResourceCategory.LOCAL_AUTHORITIES);
        assertThat(Organisation.join(TEST_BASIN, "o4", OrganisationKind.PUBLIC_FUNDER,
                OrganisationMother.funder("Caisse des dépôts", FunderKind.CAISSE_DES_DEPOTS), NOW, "op").resourceCategory())
                .isEqualTo(ResourceCategory.STATE_AND_CDC);
    }

    @Test
    void a_partner_company_needs_a_valid_siret_and_a_size_and_alone_lends_skills() {
        assertThatThrownBy(() -> Organisation.join(TEST_BASIN, "o", OrganisationKind.PARTNER_COMPANY,
                OrganisationMother.company("Sans SIRET", null), NOW, "op")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("SIRET");
        assertThatThrownBy(() -> Organisation.join(TEST_BASIN, "o", OrganisationKind.PARTNER_COMPANY,
                OrganisationMother.company("Mauvaise clé", "73282932000075"), NOW, "op")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("clé de contrôle");
        assertThatThrownBy(() -> Organisation.join(TEST_BASIN, "o", OrganisationKind.ASSOCIATED_PARTNER,
                new Organisation.Profile("CCI", null, null, null, AssociatedKind.CHAMBER, null,
                        List.of(new Skill("export", 5)), null), NOW, "op"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("entreprises partenaires");
        assertThat(Siret.isValid("35600000049837")).as("La Poste's establishments follow their own key").isTrue();
    }

    @Test
    void an_organisation_publishes_its_state_and_once_withdrawn_stays_as_it_was() {
        Organisation company = Organisation.join(TEST_BASIN, "o1", OrganisationKind.PARTNER_COMPANY,
                OrganisationMother.company("Verrerie de l'Escaut", OrganisationMother.siret(2)), NOW, "op");

        company.withdraw("cessation du partenariat", NOW, "op");

        assertThat(company.raisedEvents()).hasSize(2).last().isInstanceOfSatisfying(OrganisationRecorded.class, e -> {
            assertThat(e.active()).isFalse();
            assertThat(e.skills()).extracting(OrganisationRecorded.Skill::domain).containsExactly("industrialisation");
        });
        assertThatThrownBy(() -> company.update(OrganisationMother.company("Autre", OrganisationMother.siret(2)), NOW, "op"))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void a_person_represents_an_organisation_or_astrees_and_is_or_is_not_in_activity_R06() {
        Person president = Person.record(TEST_BASIN, "p1", new Person.Details("Isabelle", "Roche", "Isabelle.Roche@Hainaut-Rail.example",
                null, Affiliation.ORGANISATION, "o1", "DRH"), true, NOW, "op");
        Person astrees = Person.record(TEST_BASIN, "p2", new Person.Details("Claire", "Martin", null, null, Affiliation.ASTREES, null,
                "chargée de mission"), true, NOW, "op");

        president.update(president.details(), false, NOW, "op");

        assertThat(president.details().email()).isEqualTo("isabelle.roche@hainaut-rail.example");
        assertThat(president.inActivity()).isFalse();
        assertThat(president.history()).last().extracting(h -> h.detail()).isEqualTo("n'est plus en activité");
        assertThat(president.raisedEvents()).last().isInstanceOfSatisfying(PersonRecorded.class,
                e -> assertThat(e.inActivity()).isFalse());
        assertThat(astrees.details().organisationId()).isNull();
        assertThatThrownBy(() -> Person.record(TEST_BASIN, "p3", new Person.Details("Sans", "Organisation", null, null,
                Affiliation.ORGANISATION, null, null), true, NOW, "op")).isInstanceOf(InvalidInput.class);
    }
}
