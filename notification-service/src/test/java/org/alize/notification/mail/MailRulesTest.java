package org.alize.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MailRulesTest {

    @Test
    void a_digest_is_due_the_next_monday_at_eight_in_paris_across_daylight_saving_changes() {
        // Wednesday 1 July 2026, summer time (UTC+2): Monday 6 July 8:00 Paris is 6:00 UTC
        assertThat(MailQueue.nextDigest(Instant.parse("2026-07-01T10:00:00Z"))).isEqualTo(Instant.parse("2026-07-06T06:00:00Z"));
        // Monday 7:59 in Paris in winter (UTC+1): that same morning
        assertThat(MailQueue.nextDigest(Instant.parse("2026-12-07T06:59:00Z"))).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        // Monday 8:00 exactly: the week after
        assertThat(MailQueue.nextDigest(Instant.parse("2026-12-07T07:00:00Z"))).isEqualTo(Instant.parse("2026-12-14T07:00:00Z"));
        // the week of the change to summer time (Sunday 29 March 2026): Monday 30 March 8:00 is 6:00 UTC
        assertThat(MailQueue.nextDigest(Instant.parse("2026-03-27T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
    }

    @Test
    void a_refused_mail_waits_longer_each_time_up_to_six_hours() {
        assertThat(MailDispatcher.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDispatcher.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailDispatcher.backoff(7)).isEqualTo(Duration.ofMinutes(64));
        assertThat(MailDispatcher.backoff(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(MailDispatcher.backoff(10)).isEqualTo(Duration.ofHours(6));
        assertThat(MailDispatcher.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void what_a_basin_typed_is_text_in_the_html_mail_never_markup() {
        Map<String, Object> model = new HashMap<>();
        model.put("name", "Marc <b>Parrain</b>");
        model.put("basinId", "valenciennois");
        model.put("subject", "Projet X");
        model.put("reference", "VAL-1");
        model.put("companyName", "<script>alert(1)</script> & fils");
        model.put("decidedOn", "1 juillet 2026");
        model.put("outcomeLabel", "projet agréé");
        model.put("approved", true);
        model.put("motivation", null);
        model.put("forecastJobs", 4);
        model.put("role", "parrain");
        model.put("link", "https://alize.example/bassins/valenciennois/projets/p1");
        model.put("preferencesLink", "https://alize.example/bassins/valenciennois/mes-courriels");
        Templates.Body body = new Templates().render("project-decision", model);
        assertThat(body.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; fils", "Marc &lt;b&gt;Parrain&lt;/b&gt;")
                .doesNotContain("<script>").doesNotContain("Motivation");
        assertThat(body.text()).contains("<script>alert(1)</script> & fils", "Emplois prévus à trois ans : 4.")
                .doesNotContain("Motivation");
    }
}
