package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.alize.kernel.BasinCalendar;
import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * ASTREES registers a basin, the national steering committee validates it, its operator sets up the
 * partnership and ASTREES activates it, through the platform's public entry with real tokens; the
 * demo network of DEMO.md is there too.
 */
class BasinRegistryScenarioIT {

    private static final Pattern ORGANISATION_ID = Pattern.compile("\"organisationId\":\"([^\"]+)\"");
    private static final Pattern CONVENTION_ID = Pattern.compile("\"conventionId\":\"([^\"]+)\"");

    private final LocalStack platform = Platform.get();
    private final URI basin = platform.serviceUrls().get("basin");
    private final PlatformClient astrees = PlatformClient.as(platform.issuer().token("astrees").networkRoles("NETWORK_ADMIN").sign());

    @Test
    void the_demo_network_has_three_basins_in_three_states_and_the_valenciennois_convention_shows_its_deviation()
            throws Exception {
        assertThat(astrees.get(basin.resolve("/api/network/basins?status=ACTIVE")).body()).contains("valenciennois");
        assertThat(astrees.get(basin.resolve("/api/network/basins?status=VALIDATED")).body()).contains("flandre-dunkerque");
        assertThat(astrees.get(basin.resolve("/api/network/basins?status=PROPOSED")).body()).contains("terres-de-lorraine");

        PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
                .basin("valenciennois", "OPERATOR").sign());
        String inForce = operator.get(basin.resolve("/api/basins/valenciennois/conventions/in-force")).body();
        // the demo's conventions run from 1 July (DEMO.md): the renewal in force started a year or two ago
        java.time.LocalDate today = java.time.LocalDate.now(BasinCalendar.ZONE);
        int renewed = today.getYear() - (today.getMonthValue() >= 7 ? 1 : 2);
        assertThat(inForce).contains("\"number\":2").contains("\"previousConventionId\":\"conv-" + (renewed - 3) + "\"")
                .contains("\"startsOn\":\"" + renewed + "-07-01\"");
        assertThat(inForce).contains("\"sharePercent\":46.0").contains("Entreprises : 46.0 %");
        assertThat(operator.get(basin.resolve("/api/basins/valenciennois/organisations?kind=PARTNER_COMPANY")).body())
                .contains("\"totalItems\":10");
        assertThat(operator.get(basin.resolve("/api/basins/valenciennois/committees/approval")).body())
                .contains("Isabelle Roche").contains("\"gaps\":[]");
    }

    @Test
    void a_basin_is_registered_validated_set_up_by_its_operator_and_activated() throws Exception {
        PlatformClient committee = PlatformClient.as(platform.issuer().token("cnp").networkRoles("NATIONAL_COMMITTEE").sign());
        PlatformClient operator = PlatformClient.as(platform.issuer().token("op").basin("scenario-sambre", "OPERATOR").sign());
        PlatformClient otherOperator = PlatformClient.as(platform.issuer().token("op2").basin("valenciennois", "OPERATOR").sign());

        expect(201, astrees.post(basin.resolve("/api/network/basins"), """
                {"basinId":"scenario-sambre","name":"Sambre-Avesnois","region":"Hauts-de-France",
                 "communes":[{"inseeCode":"59392","name":"Maubeuge"}],"priorityCriteria":["HEAVY_STRUCTURAL_HANDICAPS"]}
                """));
        expect(200, committee.post(basin.resolve("/api/network/basins/scenario-sambre/validate"),
                "{\"decidedOn\":\"2026-02-10\",\"decisionReference\":\"CNP-2026-02-01\"}"));
        List<String> partners = new ArrayList<>();
        String[] sirets = {"44123456000106", "44123456000114", "44123456000122", "44123456000130"};
        for (int i = 0; i < 4; i++) {
            partners.add(id(ORGANISATION_ID, expect(201, operator.post(basin.resolve("/api/basins/scenario-sambre/organisations"),
                    "{\"kind\":\"PARTNER_COMPANY\",\"name\":\"Entreprise " + i + "\",\"siret\":\"" + sirets[i]
                            + "\",\"sizeClass\":\"LARGE\"}"))));
        }
        String agency = id(ORGANISATION_ID, expect(201, operator.post(basin.resolve("/api/basins/scenario-sambre/organisations"),
                "{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"Agence Sambre\",\"associatedKind\":\"DEVELOPMENT_AGENCY\"}")));
        expect(200, operator.put(basin.resolve("/api/basins/scenario-sambre/operator"), """
                {"holders":[{"organisationId":"%s"}],"appointedOn":"2026-02-20",
                 "consensus":{"agreedOn":"2026-02-15","partnersAgreed":true,"steeringChairAgreed":true,"astreesAgreed":true},
                 "accounts":{"advanceFund":"FR7630006000011234567890189","operating":"FR7630004000031234567890143"}}
                """.formatted(agency)));
        String pledges = partners.stream().map(p -> "{\"organisationId\":\"" + p + "\",\"cash\":50000}")
                .collect(Collectors.joining(","));
        String conventionId = id(CONVENTION_ID, expect(201, operator.post(basin.resolve("/api/basins/scenario-sambre/conventions"),
                "{\"startsOn\":\"2026-01-01\",\"pledges\":[" + pledges + "]}")));
        String signatures = partners.stream().map(p -> "{\"organisationId\":\"" + p
                + "\",\"signatory\":\"Dirigeant\",\"signedOn\":\"2026-02-25\"}").collect(Collectors.joining(","));
        expect(200, operator.post(basin.resolve("/api/basins/scenario-sambre/conventions/" + conventionId + "/sign"),
                "{\"signatures\":[" + signatures + "],\"operatorConvention\":{\"operatorOrganisationIds\":[\"" + agency
                        + "\"],\"astreesSignatory\":\"Claire Martin\",\"operatorSignatory\":\"Agence\",\"signedOn\":\"2026-02-25\"}}"));
        HttpResponse<String> activated = expect(200, astrees.post(
                basin.resolve("/api/network/basins/scenario-sambre/activate"), "{}"));

        assertThat(activated.body()).contains("\"status\":\"ACTIVE\"");
        assertThat(operator.get(basin.resolve("/api/basins/scenario-sambre/profile")).body()).contains("\"status\":\"ACTIVE\"");
        assertThat(otherOperator.get(basin.resolve("/api/basins/scenario-sambre/profile")).statusCode()).isEqualTo(404);
        assertThat(otherOperator.get(basin.resolve("/api/basins/scenario-sambre/conventions/" + conventionId)).statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static String id(Pattern pattern, HttpResponse<String> response) {
        Matcher matcher = pattern.matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }
}
