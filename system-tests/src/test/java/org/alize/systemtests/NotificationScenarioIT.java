package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.alize.localstack.DevMailbox;
import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's convocation to its next committee session reaches the members by mail, through the stack's own SMTP
 * server; the operator reads the basin's delivery log through the gateway; anyone on the machine reads the mailbox at
 * {@code /dev/mails}; a person changes their choices through the gateway.
 */
class NotificationScenarioIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalStack platform = Platform.get();
    private final URI gateway = platform.serviceUrls().get("gateway");

    @Test
    @DisplayName("R-22: the demo's convocation is mailed to the committee's members, logged for the operator, shown at /dev/mails")
    void the_demo_s_convocation_is_mailed_logged_and_shown_in_the_local_mailbox() throws Exception {
        // the demo's next session: its members are convened with the agenda and the diagnoses; the demo's
        // decisions are weeks old, and old news is mailed to no one
        DevMailbox.Received convocation = await().atMost(Duration.ofSeconds(60)).until(() -> platform.mailbox().messages()
                .stream().filter(m -> m.subject() != null && m.subject().startsWith("Convocation : séance n°")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(convocation.text()).contains("Bonjour", "Ordre du jour (3 projet(s))", "Diagnostic du", "CCI Grand Hainaut",
                "Vos préférences de courriels : " + gateway);
        assertThat(convocation.html()).contains("<html lang=\"fr\"", "<ol>");

        PlatformClient operator = PlatformClient.as(platform.issuer().token("operateur.valenciennois")
                .basin("valenciennois", "OPERATOR").sign());
        HttpResponse<String> log = operator.get(gateway.resolve("/api/basins/valenciennois/notifications/mails?size=200"));
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        JsonNode items = JSON.readTree(log.body()).get("items");
        assertThat(items.size()).isPositive();
        assertThat(log.body()).contains("\"status\":\"SENT\"");
        PlatformClient otherBasin = PlatformClient.as(platform.issuer().token("operateur.flandre")
                .basin("flandre-dunkerque", "OPERATOR").sign());
        assertThat(otherBasin.get(gateway.resolve("/api/basins/valenciennois/notifications/mails")).statusCode()).isEqualTo(404);

        HttpResponse<String> mailbox = PlatformClient.anonymous().get(gateway.resolve("/dev/mails"));
        assertThat(mailbox.statusCode()).isEqualTo(200);
        assertThat(mailbox.body()).contains("Courriels de la pile locale", "Convocation : séance n°");

        PlatformClient member = PlatformClient.as(platform.issuer().token("membre.valenciennois")
                .basin("valenciennois", "COMMITTEE_MEMBER").claim("people", Map.of("valenciennois", "per-scenario-mails")).sign());
        HttpResponse<String> chosen = member.put(gateway.resolve("/api/basins/valenciennois/notifications/preferences"),
                "{\"choices\":{\"PROJECT_DECISION\":\"WEEKLY\"}}");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        assertThat(member.get(gateway.resolve("/api/basins/valenciennois/notifications/preferences")).body())
                .contains("\"WEEKLY\"", "Décision du comité sur un projet");
        HttpResponse<String> refused = member.put(gateway.resolve("/api/basins/valenciennois/notifications/preferences"),
                "{\"choices\":{\"PROJECT_DECISION\":\"SOUVENT\"}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
