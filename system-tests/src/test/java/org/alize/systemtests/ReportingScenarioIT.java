package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alize.kernel.BasinCalendar;
import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Something changes in each upstream service (a project submitted, an expense paid, a network meeting held) and
 * the Valenciennois' indicators for the year move accordingly; ASTREES sees the basin in the network table,
 * another basin's operator does not.
 */
class ReportingScenarioIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalStack platform = Platform.get();
    private final int year = LocalDate.now(BasinCalendar.ZONE).getYear();
    private final URI indicators = URI.create(platform.serviceUrls().get("reporting")
            + "/api/basins/valenciennois/indicators?year=" + year);
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());
    private final PlatformClient astrees = PlatformClient.as(platform.issuer().token("astrees").networkRoles("NETWORK_ADMIN")
            .sign());

    @Test
    void indicators_follow_what_happens_in_basin_project_and_finance_services() throws Exception {
        JsonNode before = await().atMost(Duration.ofSeconds(60)).until(this::valenciennois,
                v -> v != null && v.get("detail").get("activity").get("projectsSubmitted").asInt() > 0);
        // the demo convention leans on companies: 46 % against 40 % (DEMO.md)
        assertThat(figure(before, "shareCompanies").get("value").decimalValue()).isBetween(new BigDecimal("44"),
                new BigDecimal("48"));
        int submitted = before.get("detail").get("activity").get("projectsSubmitted").asInt();
        BigDecimal engineering = before.get("detail").get("spending").get("localEngineering").decimalValue();
        int meetings = before.get("detail").get("network").get("meetingsHeld").asInt();

        submitProject();
        URI finance = URI.create(platform.serviceUrls().get("finance") + "/api/basins/valenciennois/operating-expenses");
        expect(201, operator.post(finance, """
                {"category":"LOCAL_ENGINEERING","amount":1234.56,"paidOn":"%s","description":"Animation du scénario"}
                """.formatted(LocalDate.now(BasinCalendar.ZONE))));
        holdNetworkMeeting();

        JsonNode after = await().atMost(Duration.ofSeconds(60)).until(this::valenciennois,
                v -> v.get("detail").get("activity").get("projectsSubmitted").asInt() == submitted + 1
                        && v.get("detail").get("spending").get("localEngineering").decimalValue()
                                .compareTo(engineering.add(new BigDecimal("1234.56"))) == 0
                        && v.get("detail").get("network").get("meetingsHeld").asInt() == meetings + 1);
        assertThat(after.get("currentAsOf").get("eventsApplied").asLong())
                .isGreaterThan(before.get("currentAsOf").get("eventsApplied").asLong());

        URI network = URI.create(platform.serviceUrls().get("reporting") + "/api/network/indicators?year=" + year);
        JsonNode table = JSON.readTree(expect(200, astrees.get(network)).body());
        assertThat(table.get("rows").toString()).contains("\"basinId\":\"valenciennois\"");
        HttpResponse<String> csv = astrees.download(network, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("valenciennois;Bassin du Valenciennois;");

        // the year's activity report and the network's annual report, through the gateway, print the API's figures
        URI gateway = platform.serviceUrls().get("gateway");
        HttpResponse<byte[]> report = operator.downloadBytes(gateway.resolve("/api/basins/valenciennois/indicators/report?year="
                + year), "application/pdf");
        assertThat(report.statusCode()).isEqualTo(200);
        String text = pdfText(report.body());
        BigDecimal companies = figure(after, "shareCompanies").get("value").decimalValue().setScale(1, java.math.RoundingMode.HALF_UP);
        assertThat(text).contains("Rapport d'activité " + year, "Valenciennois", companies.toPlainString().replace('.', ',') + " %");
        HttpResponse<byte[]> annual = astrees.downloadBytes(gateway.resolve("/api/network/indicators/report?year=" + year),
                "application/pdf");
        assertThat(annual.statusCode()).isEqualTo(200);
        assertThat(pdfText(annual.body())).contains("Rapport annuel du réseau ALIZÉ " + year, "Valenciennois");

        PlatformClient dunkerque = PlatformClient.as(platform.issuer().token("operateur.dunkerque")
                .basin("flandre-dunkerque", "OPERATOR").sign());
        assertThat(dunkerque.get(indicators).statusCode()).isEqualTo(404);
        assertThat(dunkerque.get(network).statusCode()).isEqualTo(403);
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append(' ');
        }
        return text.toString().replaceAll("[\\s\\u00A0\\u202F]+", " ");
    }

    private JsonNode valenciennois() throws Exception {
        HttpResponse<String> response = operator.get(indicators);
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private void submitProject() throws Exception {
        URI projects = URI.create(platform.serviceUrls().get("project") + "/api/basins/valenciennois");
        Matcher m = Pattern.compile("\"personId\":\"([^\"]+)\",\"name\":\"Nadia Dubois\"").matcher(
                operator.get(URI.create(projects + "/committee")).body());
        assertThat(m.find()).isTrue();
        expect(201, operator.post(URI.create(projects + "/projects"), """
                {"company":{"name":"Indicateurs Scénario SAS"},"head":{"firstName":"Lou","lastName":"Scénario"},
                 "beneficiaryType":"EXISTING_SME_DEVELOPMENT","forecastJobs":3,"prescriberId":"%s"}
                """.formatted(m.group(1))));
    }

    private void holdNetworkMeeting() throws Exception {
        URI meetings = URI.create(platform.serviceUrls().get("basin") + "/api/network/meetings");
        HttpResponse<String> planned = expect(201, astrees.post(meetings, """
                {"kind":"NETWORK_LIFE","title":"Vie du réseau — scénario","date":"%s","location":"Paris",
                 "invitedBasins":["valenciennois"]}
                """.formatted(LocalDate.now(BasinCalendar.ZONE))));
        String id = JSON.readTree(planned.body()).get("meetingId").asString();
        expect(200, astrees.post(URI.create(meetings + "/" + id + "/held"),
                "{\"attendance\":[{\"basinId\":\"valenciennois\",\"operator\":true,\"president\":false}]}"));
    }

    private static JsonNode figure(JsonNode view, String key) {
        for (JsonNode figure : view.get("figures")) {
            if (figure.get("key").asString().equals(key)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + key);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }
}
