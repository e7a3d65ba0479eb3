package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
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
    private final URI finance = URI.create(platform.serviceUrls().get("finance") + "/api/basins/valenciennois");
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());

    @Test
    void a_signed_convention_opens_its_advance_whose_repayment_shows_in_the_journal() throws Exception {
        String projectId = new ValenciennoisDay(platform.serviceUrls().get("project"), operator, (call, ms) -> { })
                .signedProject("Scénario Finances SARL", 6000);

        String advanceId = "adv-" + projectId;
        String advance = await().atMost(Duration.ofSeconds(30)).until(
                () -> operator.get(URI.create(finance + "/advances/" + advanceId)), r -> r.statusCode() == 200).body();
        assertThat(advance).contains("\"granted\":6000.00").contains("\"status\":\"OPEN\"");
        assertThat(count(advance, "\"dueOn\"")).isEqualTo(6);

        ValenciennoisDay.expect(200, operator.post(URI.create(finance + "/advances/" + advanceId + "/disbursements"), "{\"amount\":6000}"));
        HttpResponse<String> repaid = ValenciennoisDay.expect(200, operator.post(URI.create(finance + "/advances/" + advanceId + "/repayments"),
                "{\"amount\":6000}"));

        assertThat(repaid.body()).contains("\"status\":\"REPAID\"").contains("\"outstanding\":0.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(operator.get(URI.create(finance + "/journal?size=10&newestFirst=true")).body(),
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

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
