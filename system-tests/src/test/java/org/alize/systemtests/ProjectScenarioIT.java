package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alize.kernel.BasinCalendar;
import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * In the demo Valenciennois: a project goes from submission through diagnosis, a session with quorum
 * and a recusal, approval, its signatures and two follow-up reports, with real tokens; project-service
 * knows the committee only from basin-service's events.
 */
class ProjectScenarioIT {

    private static final Pattern MEMBER = Pattern.compile("\"personId\":\"([^\"]+)\",\"name\":\"([^\"]+)\"");

    private final LocalStack platform = Platform.get();
    private final URI base = URI.create(platform.serviceUrls().get("project") + "/api/basins/valenciennois");
    private final PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
            .basin("valenciennois", "OPERATOR").sign());

    @Test
    void the_demo_basin_has_twenty_projects_in_every_state_and_two_reports_overdue() throws Exception {
        String all = operator.get(uri("/projects?size=100")).body();
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        Matcher status = Pattern.compile("\"status\":\"([A-Z_]+)\",\"statusLabel\"").matcher(all);
        while (status.find()) {
            statuses.add(status.group(1));
        }
        Matcher total = Pattern.compile("\"totalItems\":(\\d+)").matcher(all);
        assertThat(total.find()).isTrue();

        assertThat(Integer.parseInt(total.group(1))).as("projects").isGreaterThanOrEqualTo(20);
        assertThat(statuses).containsAll(List.of("SUBMITTED", "IN_DIAGNOSIS", "READY_FOR_COMMITTEE", "APPROVED", "REJECTED",
                "CONVENTION_SIGNED", "IN_FOLLOW_UP", "ABANDONED", "WITHDRAWN"));
        assertThat(operator.get(uri("/projects?overdue=true")).body()).as("overdue follow-up").contains("\"totalItems\":2");
        assertThat(operator.get(uri("/sessions?year=" + LocalDate.now(BasinCalendar.ZONE).getYear())).body()).contains("\"status\":\"VALIDATED\"");
    }

    @Test
    void one_project_goes_from_submission_to_two_follow_up_reports() throws Exception {
        List<String> ids = new ArrayList<>();
        Matcher members = MEMBER.matcher(operator.get(uri("/committee")).body());
        java.util.Map<String, String> byName = new java.util.HashMap<>();
        while (members.find()) {
            byName.put(members.group(2), members.group(1));
        }
        String roche = byName.get("Isabelle Roche");
        String lefevre = byName.get("Thomas Lefèvre");
        String dubois = byName.get("Nadia Dubois");
        LocalDate today = LocalDate.now(BasinCalendar.ZONE);

        String project = field(expect(201, operator.post(uri("/projects"), """
                {"company":{"name":"Scénario Industrie SAS","nafCode":"25.62B","headcount":12,"city":"Valenciennes"},
                 "head":{"firstName":"Léa","lastName":"Scénario"},"beneficiaryType":"EXISTING_SME_DEVELOPMENT",
                 "forecastJobs":5,"prescriberId":"%s"}
                """.formatted(lefevre))), "projectId");
        expect(200, operator.post(uri("/projects/" + project + "/start-diagnosis"), "{}"));
        expect(200, operator.post(uri("/projects/" + project + "/diagnosis"), """
                {"kind":"PRELIMINARY","writtenOn":"%s","summary":"Dossier solide","scores":{"quality":4,"holderCapacity":4,"territorialImpact":4}}
                """.formatted(today)));
        expect(200, operator.post(uri("/projects/" + project + "/mark-ready"), "{}"));
        String session = field(expect(201, operator.post(uri("/sessions"), "{\"scheduledOn\":\"" + today + "\"}")), "sessionId");
        expect(200, operator.post(uri("/sessions/" + session + "/agenda"), "{\"projectId\":\"" + project + "\"}"));
        expect(200, operator.post(uri("/sessions/" + session + "/attendance"), """
                {"present":["%s","%s","%s","%s","%s"]}
                """.formatted(roche, lefevre, dubois, byName.get("Olivier Leroy"), byName.get("Julie Caron"))));
        expect(200, operator.post(uri("/sessions/" + session + "/conflicts"), """
                {"personId":"%s","projectId":"%s","reason":"ancien associé du dirigeant"}
                """.formatted(lefevre, project)));
        HttpResponse<String> approved = expect(200, operator.post(uri("/sessions/" + session + "/decisions"), """
                {"projectId":"%s","outcome":"APPROVED","motivation":"Projet solide","mandataryId":"%s",
                 "means":{"advance":{"amount":15000,"durationMonths":24,"graceMonths":0,"frequency":"MONTHLY"}}}
                """.formatted(project, dubois)));
        assertThat(approved.body()).contains("\"status\":\"APPROVED\"").contains(lefevre);

        String convention = operator.get(uri("/projects/" + project + "/convention")).body();
        Matcher keys = Pattern.compile("\"key\":\"([A-Z_]+)\",\"role\":\"[A-Z_]+\",\"party\":\"([^\"]+)\"").matcher(
                convention.substring(0, convention.indexOf("\"signatures\"")));
        while (keys.find()) {
            ids.add(keys.group(1));
            expect(200, operator.post(uri("/projects/" + project + "/signatures"),
                    "{\"key\":\"" + keys.group(1) + "\",\"signatory\":\"" + keys.group(2) + "\",\"signedOn\":\"" + today + "\"}"));
        }
        assertThat(ids).containsExactly("SME_HEAD", "COMMITTEE_PRESIDENT", "MANDATARY", "OPERATOR");
        expect(200, operator.post(uri("/projects/" + project + "/start-follow-up"), "{}"));
        // the mandatary files the reports; the token names the person (identity-service's « people » claim)
        PlatformClient mandatary = PlatformClient.as(platform.issuer().token("mandataire.valenciennois")
                .basin("valenciennois", "COMMITTEE_MEMBER").claim("people", java.util.Map.of("valenciennois", dubois)).sign());
        PlatformClient anotherMember = PlatformClient.as(platform.issuer().token("membre.valenciennois")
                .basin("valenciennois", "COMMITTEE_MEMBER").claim("people", java.util.Map.of("valenciennois", roche)).sign());
        assertThat(anotherMember.post(uri("/projects/" + project + "/reports"),
                "{\"reportedOn\":\"" + today + "\",\"permanent\":9,\"progress\":\"Pas le sien\"}").statusCode()).isEqualTo(422);
        expect(200, mandatary.post(uri("/projects/" + project + "/reports"),
                "{\"reportedOn\":\"" + today + "\",\"permanent\":1,\"progress\":\"Démarrage\"}"));
        HttpResponse<String> second = expect(200, mandatary.post(uri("/projects/" + project + "/reports"),
                "{\"reportedOn\":\"" + today + "\",\"permanent\":2,\"fixedTerm\":1,\"progress\":\"Recrutements\"}"));

        assertThat(second.body()).contains("\"status\":\"IN_FOLLOW_UP\"").contains("\"jobsToDate\":3");
        PlatformClient otherBasin = PlatformClient.as(platform.issuer().token("operateur.dunkerque")
                .basin("flandre-dunkerque", "OPERATOR").sign());
        assertThat(otherBasin.get(uri("/projects/" + project)).statusCode()).isEqualTo(404);
    }

    private URI uri(String path) {
        return URI.create(base + path);
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
