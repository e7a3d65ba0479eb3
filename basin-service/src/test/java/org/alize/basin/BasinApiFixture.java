package org.alize.basin;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.alize.basin.organisation.OrganisationMother;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;

/** Builds a basin through the API, step by step, as its operator and ASTREES would. */
public final class BasinApiFixture {

    public static final String FUND_IBAN = "FR7630006000011234567890189";
    public static final String OPERATING_IBAN = "FR7630004000031234567890143";

    public final String basin;
    public final ApiClient astrees;
    public final ApiClient operator;
    public final List<String> companies = new ArrayList<>();
    public final List<String> funders = new ArrayList<>();
    public String operatorBody;

    public BasinApiFixture(int port, String basin) {
        TestIssuer issuer = TestIssuer.shared();
        this.basin = basin;
        this.astrees = ApiClient.on(port).as(issuer.token("claire.martin").networkRoles("NETWORK_ADMIN").sign());
        this.operator = ApiClient.on(port).as(issuer.token("op-" + basin).basin(basin, "OPERATOR").sign());
    }

    public BasinApiFixture registeredAndValidated() {
        expect(201, astrees.post("/api/network/basins", """
                {"basinId":"%s","name":"Bassin %s","region":"Hauts-de-France",
                 "communes":[{"inseeCode":"59606","name":"Valenciennes"}]}
                """.formatted(basin, basin)));
        expect(200, astrees.post("/api/network/basins/" + basin + "/validate",
                "{\"decidedOn\":\"2024-11-20\",\"decisionReference\":\"CNP-2024-11\"}"));
        return this;
    }

    public BasinApiFixture withPartners(int companyCount) {
        for (int n = 1; n <= companyCount; n++) {
            companies.add(id(expect(201, operator.post(path("/organisations"), """
                    {"kind":"PARTNER_COMPANY","name":"Entreprise %d","siret":"%s","sizeClass":"LARGE"}
                    """.formatted(n, OrganisationMother.siret(100 + n)))), "organisationId"));
        }
        funders.add(id(expect(201, operator.post(path("/organisations"),
                "{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"Région\",\"funderKind\":\"LOCAL_AUTHORITY\"}")), "organisationId"));
        funders.add(id(expect(201, operator.post(path("/organisations"),
                "{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"Caisse des dépôts\",\"funderKind\":\"CAISSE_DES_DEPOTS\"}")), "organisationId"));
        operatorBody = id(expect(201, operator.post(path("/organisations"),
                "{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"Agence de développement\",\"associatedKind\":\"DEVELOPMENT_AGENCY\"}")),
                "organisationId");
        return this;
    }

    public BasinApiFixture withOperator() {
        expect(200, operator.put(path("/operator"), """
                {"holders":[{"organisationId":"%s"}],"appointedOn":"2024-12-01",
                 "consensus":{"agreedOn":"2024-11-28","partnersAgreed":true,"steeringChairAgreed":true,"astreesAgreed":true},
                 "accounts":{"advanceFund":"%s","operating":"%s"}}
                """.formatted(operatorBody, FUND_IBAN, OPERATING_IBAN)));
        return this;
    }

    /** Drafts a convention from 2025-01-01 with every partner pledging; returns its id. */
    public String draftConvention() {
        String pledges = companies.stream().map(c -> "{\"organisationId\":\"" + c + "\",\"cash\":80000,\"skillsDays\":10,\"skillsDailyValue\":800}")
                .collect(Collectors.joining(","));
        pledges += ",{\"organisationId\":\"" + funders.get(0) + "\",\"cash\":225000}";
        pledges += ",{\"organisationId\":\"" + funders.get(1) + "\",\"cash\":135000}";
        return id(expect(201, operator.post(path("/conventions"), """
                {"startsOn":"2025-01-01","pledges":[%s],
                 "budget":[{"year":1,"kind":"SPENDING","category":"PROJECT_SUPPORT","amount":210000},
                           {"year":1,"kind":"SPENDING","category":"OPERATOR_REIMBURSEMENT","amount":8000}],
                 "operatorReimbursementAgreedByAllPartners":true}
                """.formatted(pledges))), "conventionId");
    }

    public ApiClient.Response sign(String conventionId, List<String> signers) {
        String signatures = signers.stream()
                .map(o -> "{\"organisationId\":\"" + o + "\",\"signatory\":\"Signataire\",\"signedOn\":\"2024-12-12\"}")
                .collect(Collectors.joining(","));
        return operator.post(path("/conventions/" + conventionId + "/sign"), """
                {"signatures":[%s],
                 "operatorConvention":{"operatorOrganisationIds":["%s"],"astreesSignatory":"Claire Martin",
                                       "operatorSignatory":"Karim Benali","signedOn":"2024-12-12"}}
                """.formatted(signatures, operatorBody));
    }

    public List<String> everyPartner() {
        List<String> all = new ArrayList<>(companies);
        all.addAll(funders);
        return all;
    }

    public String path(String rest) {
        return "/api/basins/" + basin + rest;
    }

    public static ApiClient.Response expect(int status, ApiClient.Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response;
    }

    private static String id(ApiClient.Response response, String field) {
        return response.json().get(field).asString();
    }
}
