package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * A convention signed in project-service opens its advance in finance-service with the annex's schedule;
 * paid out and repaid, the money shows in the journal, which reconciles with the advance.
 */
class FinanceScenarioIT {

    private final LocalStack platform = Platform.get();
    private final URI projects = URI.create(platform.serviceUrls().get("project") + "/api/basins/valenciennois");
    private final URI finance = URI.create(platform.serviceUrls().get("finance") + "/api/basins/valenciennois");
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());

    @Test
    void a_signed_convention_opens_its_advance_whose_repayment_shows_in_the_journal() throws Exception {
        String projectId = signedProject("Scénario Finances SARL", 6000);

        String advanceId = "adv-" + projectId;
        String advance = await().atMost(Duration.ofSeconds(30)).until(
                () -> operator.get(URI.create(finance + "/advances/" + advanceId)), r -> r.statusCode() == 200).body();
        assertThat(advance).contains("\"granted\":6000.00").contains("\"status\":\"OPEN\"");
        assertThat(count(advance, "\"dueOn\"")).isEqualTo(6);

        expect(200, operator.post(URI.create(finance + "/advances/" + advanceId + "/disbursements"), "{\"amount\":6000}"));
        HttpResponse<String> repaid = expect(200, operator.post(URI.create(finance + "/advances/" + advanceId + "/repayments"),
                "{\"amount\":6000}"));

        assertThat(repaid.body()).contains("\"status\":\"REPAID\"").contains("\"outstanding\":0.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(operator.get(URI.create(finance + "/journal")).body(),
                "\"auxiliary\":\"" + advanceId + "\"") == 2);
        assertThat(operator.get(URI.create(finance + "/journal/reconciliation")).body()).contains("\"differences\":[]");
        HttpResponse<String> fec = operator.download(URI.create(finance + "/journal/fec"));
        assertThat(fec.statusCode()).isEqualTo(200);
        assertThat(fec.body()).startsWith("JournalCode\t").contains(advanceId);
    }

    @Test
    void the_demo_fund_has_one_advance_in_arrears_about_45_days_and_a_loss_rate_near_the_reference() throws Exception {
        String arrears = operator.get(URI.create(finance + "/arrears")).body();
        String lossRate = operator.get(URI.create(finance + "/loss-rate")).body();

        assertThat(arrears).contains("Boulangerie Scarpe");
        Matcher rate = Pattern.compile("\"ratePercent\":([0-9.]+)").matcher(lossRate);
        assertThat(rate.find()).isTrue();
        assertThat(new BigDecimal(rate.group(1))).isBetween(new BigDecimal("3.0"), new BigDecimal("9.0"));
        assertThat(operator.get(URI.create(finance + "/operating-expenses")).body()).contains("\"operatorReimbursed\":8000.00");
        assertThat(operator.get(URI.create(finance + "/journal/reconciliation")).body()).contains("\"differences\":[]");
        assertThat(operator.get(URI.create(finance + "/fund-outlook")).body()).contains("\"months\":[");
    }

    /** Takes a new project of the demo basin to its signed convention with an advance of {@code amount} over 6 months. */
    private String signedProject(String company, int amount) throws Exception {
        Map<String, String> members = new HashMap<>();
        Matcher m = Pattern.compile("\"personId\":\"([^\"]+)\",\"name\":\"([^\"]+)\"").matcher(
                operator.get(URI.create(projects + "/committee")).body());
        while (m.find()) {
            members.put(m.group(2), m.group(1));
        }
        LocalDate today = LocalDate.now();
        String projectId = field(expect(201, operator.post(URI.create(projects + "/projects"), """
                {"company":{"name":"%s"},"head":{"firstName":"Jean","lastName":"Scénario"},
                 "beneficiaryType":"BUSINESS_TAKEOVER","forecastJobs":2,"prescriberId":"%s"}
                """.formatted(company, members.get("Nadia Dubois")))), "projectId");
        expect(200, operator.post(URI.create(projects + "/projects/" + projectId + "/start-diagnosis"), "{}"));
        expect(200, operator.post(URI.create(projects + "/projects/" + projectId + "/diagnosis"), """
                {"kind":"PRELIMINARY","writtenOn":"%s","summary":"Reprise saine","scores":{"quality":4,"holderCapacity":4,"territorialImpact":3}}
                """.formatted(today)));
        expect(200, operator.post(URI.create(projects + "/projects/" + projectId + "/mark-ready"), "{}"));
        String session = field(expect(201, operator.post(URI.create(projects + "/sessions"),
                "{\"scheduledOn\":\"" + today + "\"}")), "sessionId");
        expect(200, operator.post(URI.create(projects + "/sessions/" + session + "/agenda"), "{\"projectId\":\"" + projectId + "\"}"));
        expect(200, operator.post(URI.create(projects + "/sessions/" + session + "/attendance"), """
                {"present":["%s","%s","%s","%s"]}
                """.formatted(members.get("Isabelle Roche"), members.get("Thomas Lefèvre"), members.get("Nadia Dubois"),
                members.get("Olivier Leroy"))));
        expect(200, operator.post(URI.create(projects + "/sessions/" + session + "/decisions"), """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Reprise à consolider","mandataryId":"%s",
                 "means":{"advance":{"amount":%d,"durationMonths":6,"graceMonths":0,"frequency":"MONTHLY"}}}
                """.formatted(projectId, members.get("Olivier Leroy"), amount)));
        Matcher keys = Pattern.compile("\"key\":\"([A-Z_]+)\",\"role\":\"[A-Z_]+\",\"party\":\"([^\"]+)\"").matcher(
                operator.get(URI.create(projects + "/projects/" + projectId + "/convention")).body());
        while (keys.find()) {
            operator.post(URI.create(projects + "/projects/" + projectId + "/signatures"),
                    "{\"key\":\"" + keys.group(1) + "\",\"signatory\":\"" + keys.group(2) + "\",\"signedOn\":\"" + today + "\"}");
        }
        assertThat(operator.get(URI.create(projects + "/projects/" + projectId)).body()).contains("\"status\":\"CONVENTION_SIGNED\"");
        return projectId;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
