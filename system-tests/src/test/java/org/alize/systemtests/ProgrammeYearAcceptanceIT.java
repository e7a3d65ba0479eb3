package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three years of a basin run the way a real one is, entered after the fact with their real dates, then read back
 * to the cent from finance-service (positions at 31 December), reporting-service (calendar years and the
 * convention's own term) and the FEC export, which must agree.
 *
 * <p>The Avesnois' partnership convention runs from 1 July 2023 to 30 June 2026, so none of its years is a calendar
 * year. Two partner companies give skills to the first project, and four of the committee's six voters belong to
 * them or their peers. The first advance (15 000 € over 12 months, signed on 30 October 2023, an instalment due on
 * 29 February 2024) is repaid late six times, then stops; 5 000 € of it is written off in June 2025 and 1 200 €
 * recovered in October. The second (12 000 € over 24 months) is repaid on its due dates, one cheque bouncing and
 * paid again. The operator is reimbursed in each convention year, up to the 6 000 € the convention budgets.
 */
class ProgrammeYearAcceptanceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String B = "programme-avesnois";

    private final LocalStack platform = Platform.get();
    private final URI basinService = platform.serviceUrls().get("basin");
    private final URI projects = URI.create(platform.serviceUrls().get("project") + "/api/basins/" + B);
    private final URI finance = URI.create(platform.serviceUrls().get("finance") + "/api/basins/" + B);
    private final URI reporting = URI.create(platform.serviceUrls().get("reporting") + "/api/basins/" + B);
    private final PlatformClient astrees = PlatformClient.as(platform.issuer().token("astrees").networkRoles("NETWORK_ADMIN")
            .sign());
    private final PlatformClient committee = PlatformClient.as(platform.issuer().token("cnp").networkRoles("NATIONAL_COMMITTEE")
            .sign());
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.avesnois")
            .basin(B, "OPERATOR").sign());

    @Test
    @DisplayName("R-14, R-23, R-25, R-30, R-31, R-41: a convention from 1 July, history entered late, read to the cent in finance, reporting and the FEC")
    void a_programme_run_over_three_convention_years_reads_the_same_to_the_cent_everywhere() throws Exception {
        Basin basin = setUpBasin();
        Map<String, String> members = awaitCommittee();

        // 2023: the first project, submitted in August, approved in October with skills from two partners
        String forge = readyProject("Forge de la Sambre", "25.50B", 6, members.get("Claire Vasseur"), "2023-08-24");
        String s1 = heldSession("2023-10-12", List.of(forge), members.values());
        JsonNode forgeDecision = json(ok(operator.post(uri(projects, "/sessions/" + s1 + "/decisions"), """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Reprise de la forge, recrutements de soudeurs.",
                 "mandataryId":"%s","means":{"skills":[{"partnerId":"%s","domain":"soudure","days":8,"dailyValue":800},
                 {"partnerId":"%s","domain":"méthodes","days":4,"dailyValue":800}],
                 "advance":{"amount":15000,"durationMonths":12,"graceMonths":0,"frequency":"MONTHLY"}}}
                """.formatted(forge, members.get("Hugo Lambert"), basin.skillsA, basin.skillsB))));
        closeAndValidate(s1, "2023-10-20");
        signFollowAndDeliver(forge, "2023-10-30", List.of("2024-01-15", "2024-02-15"));

        // 2024: the second project, submitted in January, approved in March
        String laiterie = readyProject("Laiterie de Thiérache", "10.51A", 3, members.get("Hugo Lambert"), "2024-01-15");
        String s2 = heldSession("2024-03-14", List.of(laiterie), members.values());
        ok(operator.post(uri(projects, "/sessions/" + s2 + "/decisions"), """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Nouvelle ligne de conditionnement.","mandataryId":"%s",
                 "means":{"advance":{"amount":12000,"durationMonths":24,"graceMonths":0,"frequency":"MONTHLY"}}}
                """.formatted(laiterie, members.get("Claire Vasseur"))));
        closeAndValidate(s2, "2024-03-20");
        signFollowAndDeliver(laiterie, "2024-04-02", List.of());

        // follow-up reports; lasting jobs are CDI and CDD of six months or more
        report(forge, "2024-04-30", 2, 1, 1, 1);
        report(laiterie, "2024-10-01", 1, 0, 2, 0);
        report(forge, "2025-03-31", 3, 1, 0, 1);

        // the money, entered today with the dates it happened on
        await().atMost(Duration.ofSeconds(60)).until(() -> json(operator.get(uri(finance, "/advances"))).path("items").size() == 2
                && json(operator.get(uri(finance, "/pledges"))).size() == 2);
        for (String company : basin.companies) {
            contribute(company, "ADVANCE_FUND", "15000", "2023-09-01");
        }
        contribute(basin.region, "OPERATING_ACCOUNT", "50000", "2023-09-15");
        contribute(basin.region, "OPERATING_ACCOUNT", "50000", "2024-09-15");
        String forgeAdvance = "adv-" + forge;
        String laiterieAdvance = "adv-" + laiterie;
        JsonNode forgeSchedule = json(operator.get(uri(finance, "/advances/" + forgeAdvance))).path("schedule");
        assertThat(forgeSchedule.valueStream().map(i -> i.path("dueOn").asString()))
                .as("monthly from the signature; the fourth falls on the leap day").contains("2024-02-29").hasSize(12);
        disburse(forgeAdvance, "15000", "2023-11-06");
        disburse(laiterieAdvance, "12000", "2024-04-10");
        for (String late : List.of("2023-12-20", "2024-01-19", "2024-02-19", "2024-03-20", "2024-04-30", "2024-05-30")) {
            repay(forgeAdvance, "1250", late);
        }
        for (int k = 1; k <= 20; k++) {
            String due = LocalDate.parse("2024-04-02").plusMonths(k).toString();
            String repayment = repay(laiterieAdvance, "500", due);
            if (k == 3) {
                ok(operator.post(uri(finance, "/advances/" + laiterieAdvance + "/repayments/" + repayment + "/reverse"),
                        "{\"on\":\"2024-07-10\",\"reason\":\"Chèque revenu impayé\"}"));
                repay(laiterieAdvance, "500", "2024-07-25");
            }
        }
        ok(operator.post(uri(finance, "/advances/" + forgeAdvance + "/write-offs"), """
                {"on":"2025-06-20","amount":5000,"reason":"Redressement judiciaire, plan de continuation","committeeReference":"CA-2025-06"}
                """));
        ok(operator.post(uri(finance, "/advances/" + forgeAdvance + "/recoveries"), "{\"on\":\"2025-10-15\",\"amount\":1200}"));
        expense("LOCAL_ENGINEERING", "20000", "2023-12-31");
        expense("LOCAL_ENGINEERING", "30000", "2024-06-30");
        expense("LOCAL_ENGINEERING", "25000", "2025-12-31");
        // before the convention's first day and after its last: in their calendar years, never in its term
        expense("LOCAL_ENGINEERING", "1500", "2023-06-15");
        expense("LOCAL_ENGINEERING", "2000", "2026-09-30");
        // 6 000 € budgeted for each convention year, which runs from 1 July to 30 June
        expense("OPERATOR_REIMBURSEMENT", "3000", "2023-12-15");
        expense("OPERATOR_REIMBURSEMENT", "3000", "2024-06-28");
        HttpResponse<String> beyondYearOne = operator.post(uri(finance, "/operating-expenses"), """
                {"category":"OPERATOR_REIMBURSEMENT","amount":0.01,"paidOn":"2024-06-30","description":"Défraiement"}
                """);
        expense("OPERATOR_REIMBURSEMENT", "6000", "2024-07-01");
        HttpResponse<String> operatorPaidAsEngineering = operator.post(uri(finance, "/operating-expenses"), """
                {"category":"LOCAL_ENGINEERING","amount":5000,"paidOn":"2025-01-15","description":"Animation",
                 "payee":"Agence Avesnois Développement","payeeOrganisationId":"%s"}
                """.formatted(basin.agency()));
        expense("OPERATOR_REIMBURSEMENT", "2500", "2026-03-31");

        // ---- what was decided
        assertThat(forgeDecision.toString()).contains("\"outcome\":\"APPROVED\"");
        JsonNode decided = json(operator.get(uri(projects, "/projects/" + forge))).path("decisions").get(0);
        assertThat(decided.path("voters").asInt()).as("R-23: nobody is taken out of the vote for their company's skills")
                .isEqualTo(6);
        assertThat(decided.path("recusedPersonIds").size()).isZero();
        assertThat(decided.path("flaggedPersonIds").size()).as("the three members from the two skills partners").isEqualTo(3);
        assertThat(beyondYearOne.statusCode()).isEqualTo(422);
        assertThat(json(beyondYearOne).path("rule").asString()).isEqualTo("R-14");
        assertThat(operatorPaidAsEngineering.statusCode()).as("the operator is defrayed, never paid for its mission")
                .isEqualTo(422);
        assertThat(json(operatorPaidAsEngineering).path("detail").asString()).contains("n'est pas rétribué");

        // ---- finance: positions at 31 December
        await().atMost(Duration.ofSeconds(60)).until(() -> journalEntries() == 47);
        Position end2024 = position("2024-12-31");
        Position end2025 = position("2025-12-31");
        assertThat(end2024.advance(forgeAdvance).path("outstanding").decimalValue()).isEqualByComparingTo("7500.00");
        assertThat(end2024.advance(forgeAdvance).path("amountInArrears").decimalValue()).isEqualByComparingTo("7500.00");
        assertThat(end2024.advance(forgeAdvance).path("daysPastDue").asInt()).as("instalment 7, due on 30 May 2024").isEqualTo(215);
        assertThat(end2024.advance(laiterieAdvance).path("outstanding").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(end2024.advance(laiterieAdvance).path("amountInArrears").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(end2024.account("ADVANCE_FUND")).as("60 000 − 27 000 lent + 7 500 + 4 000 repaid").isEqualByComparingTo("44500.00");
        assertThat(end2024.account("OPERATING_ACCOUNT")).as("100 000 − 51 500 engineering − 12 000 operator")
                .isEqualByComparingTo("36500.00");
        assertThat(end2024.arrearsTotal()).isEqualByComparingTo("7500.00");
        assertThat(end2025.advance(forgeAdvance).path("outstanding").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(end2025.advance(forgeAdvance).path("daysPastDue").asInt()).isEqualTo(580);
        assertThat(end2025.advance(forgeAdvance).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(end2025.advance(laiterieAdvance).path("outstanding").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(end2025.account("ADVANCE_FUND")).as("+ 6 000 repaid + 1 200 recovered").isEqualByComparingTo("51700.00");
        assertThat(end2025.account("OPERATING_ACCOUNT")).isEqualByComparingTo("11500.00");
        JsonNode lossRate = json(operator.get(uri(finance, "/loss-rate?asOf=2025-12-31")));
        assertThat(lossRate.path("ratePercent").decimalValue()).as("5 000 / 27 000").isEqualByComparingTo("18.5");
        assertThat(lossRate.path("netRatePercent").decimalValue()).as("3 800 / 27 000").isEqualByComparingTo("14.1");
        assertThat(json(operator.get(uri(finance, "/journal/reconciliation?asOf=2024-12-31"))).path("differences").size()).isZero();

        // ---- reporting: each fact in the year of its business date
        JsonNode y2023 = await().atMost(Duration.ofSeconds(60)).until(() -> year(2023),
                y -> y != null && y.path("spending").path("operatorReimbursement").decimalValue().signum() > 0);
        JsonNode y2024 = await().atMost(Duration.ofSeconds(60)).until(() -> year(2024),
                y -> y != null && y.path("fund").path("repaid").decimalValue().compareTo(new BigDecimal("10250")) == 0);
        JsonNode y2025 = await().atMost(Duration.ofSeconds(60)).until(() -> year(2025),
                y -> y != null && y.path("fund").path("recovered").decimalValue().signum() > 0);
        assertThat(y2023.path("activity").path("projectsSubmitted").asInt()).as("submitted on 24 August 2023").isEqualTo(1);
        assertThat(y2023.path("activity").path("projectsApproved").asInt()).isEqualTo(1);
        assertThat(y2023.path("processingTimes").path("submissionToDecision").path("median").asInt())
                .as("24 August → 12 October 2023").isEqualTo(49);
        assertThat(y2023.path("fund").path("lent").decimalValue()).isEqualByComparingTo("15000.00");
        assertThat(y2023.path("fund").path("repaid").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(y2023.path("spending").path("localEngineering").decimalValue()).as("15 June and 31 December")
                .isEqualByComparingTo("21500.00");
        assertThat(y2024.path("activity").path("projectsSubmitted").asInt()).isEqualTo(1);
        assertThat(y2024.path("fund").path("lent").decimalValue()).isEqualByComparingTo("12000.00");
        assertThat(y2024.path("fund").path("repaid").decimalValue()).as("the bounced cheque nets out").isEqualByComparingTo("10250.00");
        assertThat(y2024.path("spending").path("operatorReimbursement").decimalValue())
                .as("the calendar year holds parts of two convention years").isEqualByComparingTo("9000.00");
        assertThat(y2024.path("jobs").path("realised").asInt()).as("lasting: 2 CDI + 1 long CDD, 1 CDI").isEqualTo(4);
        assertThat(y2024.path("jobs").path("realisedAll").asInt()).isEqualTo(8);
        assertThat(y2024.path("skills").path("daysDelivered").asInt()).isEqualTo(12);
        assertThat(y2024.path("skills").path("valueDelivered").decimalValue()).isEqualByComparingTo("9600.00");
        assertThat(y2025.path("fund").path("writtenOff").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(y2025.path("fund").path("recovered").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(y2025.path("fund").path("repaid").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(y2025.path("fund").path("lossRatePercent").decimalValue()).isEqualByComparingTo(lossRate.path("ratePercent").decimalValue());
        assertThat(y2025.path("fund").path("netLossRatePercent").decimalValue())
                .isEqualByComparingTo(lossRate.path("netRatePercent").decimalValue());
        assertThat(y2025.path("jobs").path("realised").asInt()).isEqualTo(1);

        JsonNode term = await().atMost(Duration.ofSeconds(60)).until(this::conventionTerm,
                t -> t != null && t.path("values").path("operatorReimbursement").decimalValue().compareTo(new BigDecimal("14500")) == 0);
        assertThat(term.path("startsOn").asString()).isEqualTo("2023-07-01");
        assertThat(term.path("yearsCovered").asInt()).isEqualTo(3);
        assertThat(term.path("values").path("localEngineering").decimalValue())
                .as("1 July 2023 to 30 June 2026: not the June before nor the September after").isEqualByComparingTo("75000.00");
        assertThat(term.path("values").path("projectsApproved").decimalValue()).isEqualByComparingTo("2");
        assertThat(term.path("values").path("jobsRealised").decimalValue()).isEqualByComparingTo("5");
        assertThat(term.path("values").path("advancesOutstanding").decimalValue()).as("at 30 June 2026")
                .isEqualByComparingTo("4500.00");
        assertThat(term.path("references").path("projectsApproved").decimalValue()).as("R-41: 3 × 12").isEqualByComparingTo("36");

        // ---- the three agree: finance's advances, its journal, the FEC and reporting, at each year's end
        Map<String, Map<String, BigDecimal>> fec = fecBalances(List.of("20241231", "20251231"));
        for (Map.Entry<String, JsonNode> yearEnd : Map.of("2024-12-31", y2024, "2025-12-31", y2025).entrySet()) {
            Position p = position(yearEnd.getKey());
            BigDecimal outstanding = p.outstandingTotal();
            Map<String, BigDecimal> atEnd = fec.get(yearEnd.getKey().replace("-", ""));
            assertThat(atEnd.get("274100")).as("FEC receivable at " + yearEnd.getKey()).isEqualByComparingTo(outstanding);
            assertThat(p.journal("274100")).isEqualByComparingTo(outstanding);
            assertThat(yearEnd.getValue().path("fund").path("outstanding").decimalValue()).as("reporting at " + yearEnd.getKey())
                    .isEqualByComparingTo(outstanding);
            assertThat(atEnd.get("512100")).isEqualByComparingTo(p.account("ADVANCE_FUND"));
            assertThat(atEnd.get("512200")).isEqualByComparingTo(p.account("OPERATING_ACCOUNT"));
            assertThat(yearEnd.getValue().path("fund").path("inArrears").decimalValue()).isEqualByComparingTo(p.arrearsTotal());
        }
    }

    // ---- the basin, its partners and committee, set up as ASTREES and its operator would

    private record Basin(List<String> companies, String skillsA, String skillsB, String region, String agency) {
    }

    private Basin setUpBasin() throws Exception {
        ok(astrees.post(basinService.resolve("/api/network/basins"), """
                {"basinId":"%s","name":"Avesnois – Thiérache","region":"Hauts-de-France",
                 "communes":[{"inseeCode":"59036","name":"Avesnes-sur-Helpe"},{"inseeCode":"59249","name":"Fourmies"}],
                 "priorityCriteria":["HEAVY_STRUCTURAL_HANDICAPS"]}
                """.formatted(B)));
        ok(committee.post(basinService.resolve("/api/network/basins/" + B + "/validate"),
                "{\"decidedOn\":\"2023-03-15\",\"decisionReference\":\"CNP-2023-03-02\"}"));
        String[] names = {"Fonderies de l'Avesnois", "Verrerie de Fourmies", "Textiles Thiérache", "Bois et Scieries du Hainaut"};
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            companies.add(id(ok(operator.post(uri(basins(), "/organisations"), """
                    {"kind":"PARTNER_COMPANY","name":"%s","siret":"%s","sizeClass":"LARGE",
                     "skills":[{"domain":"industrie","indicativeDaysPerYear":10}]}
                    """.formatted(names[i], siret(200 + i)))), "organisationId"));
        }
        String agency = id(ok(operator.post(uri(basins(), "/organisations"),
                "{\"kind\":\"ASSOCIATED_PARTNER\",\"name\":\"Agence Avesnois Développement\",\"associatedKind\":\"DEVELOPMENT_AGENCY\"}")),
                "organisationId");
        String region = id(ok(operator.post(uri(basins(), "/organisations"),
                "{\"kind\":\"PUBLIC_FUNDER\",\"name\":\"Région Hauts-de-France\",\"funderKind\":\"LOCAL_AUTHORITY\"}")),
                "organisationId");
        ok(operator.put(uri(basins(), "/operator"), """
                {"holders":[{"organisationId":"%s"}],"appointedOn":"2023-05-01",
                 "consensus":{"agreedOn":"2023-04-20","partnersAgreed":true,"steeringChairAgreed":true,"astreesAgreed":true},
                 "accounts":{"advanceFund":"FR7630006000011234567890189","operating":"FR7630004000031234567890143"}}
                """.formatted(agency)));
        StringBuilder pledges = new StringBuilder();
        for (int i = 0; i < companies.size(); i++) {
            pledges.append("{\"organisationId\":\"").append(companies.get(i)).append("\",\"cash\":45000")
                    .append(i < 2 ? ",\"skillsDays\":30,\"skillsDailyValue\":800}," : "},");
        }
        pledges.append("{\"organisationId\":\"").append(region).append("\",\"cash\":150000}");
        StringBuilder budget = new StringBuilder();
        for (int year = 1; year <= 3; year++) {
            budget.append(year > 1 ? "," : "").append("{\"year\":").append(year)
                    .append(",\"kind\":\"SPENDING\",\"category\":\"OPERATOR_REIMBURSEMENT\",\"amount\":6000}");
        }
        String convention = id(ok(operator.post(uri(basins(), "/conventions"), """
                {"startsOn":"2023-07-01","pledges":[%s],"budget":[%s],"operatorReimbursementAgreedByAllPartners":true}
                """.formatted(pledges, budget))), "conventionId");
        String signatures = java.util.stream.Stream.concat(companies.stream(), java.util.stream.Stream.of(region))
                .map(o -> "{\"organisationId\":\"" + o + "\",\"signatory\":\"Représentant légal\",\"signedOn\":\"2023-06-20\"}")
                .collect(Collectors.joining(","));
        ok(operator.post(uri(basins(), "/conventions/" + convention + "/sign"), """
                {"signatures":[%s],"operatorConvention":{"operatorOrganisationIds":["%s"],"astreesSignatory":"Claire Martin",
                 "operatorSignatory":"Agence Avesnois Développement","signedOn":"2023-06-20"}}
                """.formatted(signatures, agency)));
        // renewed for 2026–2029: a basin is active while a convention is in force
        String renewal = id(ok(operator.post(uri(basins(), "/conventions/" + convention + "/renew"), "{}")), "conventionId");
        ok(operator.put(uri(basins(), "/conventions/" + renewal), """
                {"pledges":[%s],"budget":[%s],"operatorReimbursementAgreedByAllPartners":true}
                """.formatted(pledges, budget)));
        ok(operator.post(uri(basins(), "/conventions/" + renewal + "/sign"), """
                {"signatures":[%s],"operatorConvention":{"operatorOrganisationIds":["%s"],"astreesSignatory":"Claire Martin",
                 "operatorSignatory":"Agence Avesnois Développement","signedOn":"2026-06-15"}}
                """.formatted(signatures.replace("2023-06-20", "2026-06-15"), agency)));
        ok(astrees.post(basinService.resolve("/api/network/basins/" + B + "/activate"),
                "{\"reason\":\"opérateur désigné, convention renouvelée et signée\"}"));

        String[][] people = {{"Claire", "Vasseur", "0"}, {"Hugo", "Lambert", "0"}, {"Inès", "Morel", "1"},
                {"Paul", "Declercq", "2"}, {"Sarah", "Wiart", "3"}};
        List<String> ids = new ArrayList<>();
        for (String[] p : people) {
            ids.add(id(ok(operator.post(uri(basins(), "/people"), """
                    {"firstName":"%s","lastName":"%s","affiliation":"ORGANISATION","organisationId":"%s","jobTitle":"Directeur"}
                    """.formatted(p[0], p[1], companies.get(Integer.parseInt(p[2]))))), "personId"));
        }
        ids.add(id(ok(operator.post(uri(basins(), "/people"),
                "{\"firstName\":\"Claire\",\"lastName\":\"Martin\",\"affiliation\":\"ASTREES\",\"jobTitle\":\"Chargée de mission\"}")),
                "personId"));
        for (int i = 0; i < ids.size(); i++) {
            ok(operator.post(uri(basins(), "/committees/approval/members"), "{\"personId\":\"" + ids.get(i)
                    + "\",\"seat\":\"" + (i < 5 ? "PARTNER_REPRESENTATIVE" : "ASTREES_REPRESENTATIVE") + "\",\"from\":\"2023-06-01\"}"));
        }
        ok(operator.post(uri(basins(), "/committees/approval/president"),
                "{\"personId\":\"" + ids.get(3) + "\",\"from\":\"2023-06-01\"}"));
        return new Basin(companies, companies.get(0), companies.get(1), region, agency);
    }

    /** The committee as project-service knows it, by name, once basin-service's events have reached it. */
    private Map<String, String> awaitCommittee() {
        JsonNode found = await().atMost(Duration.ofSeconds(60)).until(() -> json(operator.get(uri(projects, "/committee"))),
                c -> c.path("members").size() == 6 && !c.path("president").isNull() && !c.path("president").isMissingNode());
        Map<String, String> members = new HashMap<>();
        found.path("members").forEach(m -> members.put(m.path("name").asString(), m.path("personId").asString()));
        return members;
    }

    // ---- project-service

    private String readyProject(String company, String naf, int jobs, String prescriber, String submittedOn) throws Exception {
        LocalDate on = LocalDate.parse(submittedOn);
        String project = id(ok(operator.post(uri(projects, "/projects"), """
                {"company":{"name":"%s","nafCode":"%s","headcount":12,"city":"Fourmies"},
                 "head":{"firstName":"Anne","lastName":"Desmet"},"beneficiaryType":"EXISTING_SME_DEVELOPMENT",
                 "forecastJobs":%d,"prescriberId":"%s","submittedOn":"%s"}
                """.formatted(company, naf, jobs, prescriber, submittedOn))), "projectId");
        ok(operator.post(uri(projects, "/projects/" + project + "/start-diagnosis"), on(on.plusDays(4))));
        ok(operator.post(uri(projects, "/projects/" + project + "/diagnosis"), """
                {"kind":"PRELIMINARY","writtenOn":"%s","summary":"Carnet de commandes solide, recrutements identifiés.",
                 "scores":{"quality":4,"holderCapacity":4,"territorialImpact":4}}
                """.formatted(on.plusDays(17))));
        ok(operator.post(uri(projects, "/projects/" + project + "/mark-ready"), on(on.plusDays(22))));
        return project;
    }

    private String heldSession(String on, List<String> agenda, java.util.Collection<String> present) throws Exception {
        String session = id(ok(operator.post(uri(projects, "/sessions"),
                "{\"scheduledOn\":\"" + on + "\",\"location\":\"Maison de l'entreprise, Fourmies\"}")), "sessionId");
        for (String project : agenda) {
            ok(operator.post(uri(projects, "/sessions/" + session + "/agenda"), "{\"projectId\":\"" + project + "\"}"));
        }
        ok(operator.post(uri(projects, "/sessions/" + session + "/attendance"), "{\"heldOn\":\"" + on
                + "\",\"present\":[\"" + String.join("\",\"", present) + "\"]}"));
        return session;
    }

    private void closeAndValidate(String session, String validatedOn) throws Exception {
        ok(operator.post(uri(projects, "/sessions/" + session + "/close"), "{}"));
        ok(operator.post(uri(projects, "/sessions/" + session + "/validation"),
                "{\"validatedOn\":\"" + validatedOn + "\",\"validatedBy\":\"Comité local de pilotage, présidé par le sous-préfet d'Avesnes-sur-Helpe\",\"remarks\":\"Conformes aux orientations.\"}"));
    }

    /** Every party signs on {@code signedOn}, support starts three days later, each skills mission is delivered whole. */
    private void signFollowAndDeliver(String project, String signedOn, List<String> deliveries) throws Exception {
        JsonNode convention = json(operator.get(uri(projects, "/projects/" + project + "/convention")));
        for (JsonNode required : convention.path("required")) {
            ok(operator.post(uri(projects, "/projects/" + project + "/signatures"), """
                    {"key":"%s","signatory":"%s","signedOn":"%s"}
                    """.formatted(required.path("key").asString(), required.path("party").asString(), signedOn)));
        }
        ok(operator.post(uri(projects, "/projects/" + project + "/start-follow-up"),
                on(LocalDate.parse(signedOn).plusDays(3))));
        JsonNode missions = json(operator.get(uri(projects, "/projects/" + project + "/missions")));
        for (int i = 0; i < missions.size(); i++) {
            JsonNode mission = missions.get(i);
            ok(operator.post(uri(projects, "/projects/" + project + "/missions/" + mission.path("missionId").asString()
                    + "/deliveries"), "{\"deliveredOn\":\"" + deliveries.get(i) + "\",\"days\":" + mission.path("daysPlanned").asInt()
                    + ",\"note\":\"mission menée à son terme\"}"));
        }
    }

    private void report(String project, String on, int permanent, int fixedTerm, int fixedTermShort, int apprenticeship)
            throws Exception {
        ok(operator.post(uri(projects, "/projects/" + project + "/reports"), """
                {"reportedOn":"%s","permanent":%d,"fixedTerm":%d,"fixedTermShort":%d,"apprenticeship":%d,
                 "progress":"Investissement réalisé, recrutements conformes.","author":"mandataire"}
                """.formatted(on, permanent, fixedTerm, fixedTermShort, apprenticeship)));
    }

    // ---- finance-service

    private void contribute(String partner, String account, String amount, String on) throws Exception {
        ok(operator.post(uri(finance, "/contributions"), """
                {"partnerId":"%s","account":"%s","amount":%s,"on":"%s"}
                """.formatted(partner, account, amount, on)));
    }

    private void disburse(String advance, String amount, String on) throws Exception {
        ok(operator.post(uri(finance, "/advances/" + advance + "/disbursements"),
                "{\"amount\":" + amount + ",\"on\":\"" + on + "\"}"));
    }

    /** Records a repayment and answers its id. */
    private String repay(String advance, String amount, String on) throws Exception {
        JsonNode repayments = json(ok(operator.post(uri(finance, "/advances/" + advance + "/repayments"),
                "{\"amount\":" + amount + ",\"on\":\"" + on + "\"}"))).path("repayments");
        return repayments.get(repayments.size() - 1).path("id").asString();
    }

    /** An expense: the operator's reimbursement to the operator, local engineering to the basin's employment house. */
    private void expense(String category, String amount, String on) throws Exception {
        ok(operator.post(uri(finance, "/operating-expenses"), """
                {"category":"%s","amount":%s,"paidOn":"%s","description":"Dépense du %s","payee":"%s"}
                """.formatted(category, amount, on, on, "OPERATOR_REIMBURSEMENT".equals(category) ? "Agence Avesnois Développement"
                : "Maison de l'emploi de Fourmies")));
    }

    private int journalEntries() throws Exception {
        return json(operator.get(uri(finance, "/journal?size=1"))).path("totalItems").asInt();
    }

    /** Finance's positions at the end of a day: advances, accounts, arrears and the trial balance. */
    private record Position(Map<String, JsonNode> advances, Map<String, BigDecimal> accounts, JsonNode arrears,
            Map<String, BigDecimal> journal) {

        JsonNode advance(String id) {
            return advances.get(id);
        }

        BigDecimal account(String name) {
            return accounts.get(name);
        }

        BigDecimal journal(String number) {
            return journal.getOrDefault(number, BigDecimal.ZERO);
        }

        BigDecimal outstandingTotal() {
            return advances.values().stream().map(a -> a.path("outstanding").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal arrearsTotal() {
            return arrears.path("byBucket").valueStream().map(JsonNode::decimalValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private Position position(String asOf) throws Exception {
        Map<String, JsonNode> advances = new HashMap<>();
        json(operator.get(uri(finance, "/advances?asOf=" + asOf))).path("items")
                .forEach(a -> advances.put(a.path("advanceId").asString(), a));
        Map<String, BigDecimal> accounts = new HashMap<>();
        json(operator.get(uri(finance, "/accounts?asOf=" + asOf)))
                .forEach(a -> accounts.put(a.path("account").asString(), a.path("balance").decimalValue()));
        Map<String, BigDecimal> journal = new HashMap<>();
        json(operator.get(uri(finance, "/journal/balances?asOf=" + asOf)))
                .forEach(b -> journal.put(b.path("number").asString(), b.path("balance").decimalValue()));
        return new Position(advances, accounts, json(operator.get(uri(finance, "/arrears?asOf=" + asOf))), journal);
    }

    /** Each account's balance (debit − credit) in the FEC export, over the entries dated on or before each day. */
    private Map<String, Map<String, BigDecimal>> fecBalances(List<String> days) throws Exception {
        HttpResponse<String> fec = operator.download(uri(finance, "/journal/fec"));
        assertThat(fec.statusCode()).isEqualTo(200);
        String[] lines = fec.body().split("\r\n");
        List<String> header = List.of(lines[0].split("\t"));
        int account = header.indexOf("CompteNum");
        int date = header.indexOf("EcritureDate");
        int debit = header.indexOf("Debit");
        int credit = header.indexOf("Credit");
        Map<String, Map<String, BigDecimal>> balances = new HashMap<>();
        for (String day : days) {
            Map<String, BigDecimal> byAccount = new HashMap<>();
            BigDecimal debits = BigDecimal.ZERO;
            BigDecimal credits = BigDecimal.ZERO;
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split("\t", -1);
                if (cells[date].compareTo(day) <= 0) {
                    BigDecimal d = new BigDecimal(cells[debit].replace(',', '.'));
                    BigDecimal c = new BigDecimal(cells[credit].replace(',', '.'));
                    byAccount.merge(cells[account], d.subtract(c), BigDecimal::add);
                    debits = debits.add(d);
                    credits = credits.add(c);
                }
            }
            assertThat(debits).as("the FEC balances at " + day).isEqualByComparingTo(credits);
            balances.put(day, byAccount);
        }
        return balances;
    }

    // ---- reporting-service

    private JsonNode year(int year) throws Exception {
        HttpResponse<String> response = operator.get(uri(reporting, "/indicators?year=" + year));
        return response.statusCode() == 200 ? json(response).path("detail") : null;
    }

    private JsonNode conventionTerm() throws Exception {
        HttpResponse<String> response = operator.get(uri(reporting, "/indicators/conventions"));
        if (response.statusCode() != 200) {
            return null;
        }
        return json(response).path("periods").valueStream().filter(p -> "2023-07-01".equals(p.path("startsOn").asString()))
                .findFirst().orElse(null);
    }

    // ---- plumbing

    private URI basins() {
        return basinService.resolve("/api/basins/" + B);
    }

    private static URI uri(URI base, String path) {
        return URI.create(base + path);
    }

    private static String on(LocalDate date) {
        return "{\"on\":\"" + date + "\"}";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String id(HttpResponse<String> response, String field) {
        return json(response).path(field).asString();
    }

    /** The platform accepted the call (200 or 201, as each endpoint answers). */
    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode() / 100).as(response.request().method() + " " + response.request().uri() + " "
                + response.body()).isEqualTo(2);
        return response;
    }

    /** A fictional SIRET with a valid Luhn key. */
    private static String siret(int n) {
        return org.alize.testing.FictionalSiret.of(5512345600000L + n * 7L);
    }
}
