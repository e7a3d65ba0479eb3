package org.alize.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.PersonErased;
import org.alize.basin.events.PersonRecorded;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectEvents;
import org.alize.project.events.ProjectSubmitted;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.personal.PersonalData;
import org.alize.tenancy.personal.PersonalKeys;
import org.alize.testing.ApiClient;
import org.alize.testing.TestIssuer;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Mails from the topics to an SMTP server (GreenMail, in-process), read back as their recipients would: who gets which,
 * in French, plain text and HTML; each person's preferences honoured (at once, weekly digest, never); a refusal by the
 * server retried; an erasure forgetting the person's mails.
 */
@WithAlizeInfra
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"alize.webhooks.encryption-password=a-webhook-key-password-for-tests", "alize.notification.smtp.starttls=false", "alize.notification.dispatch-interval=PT0.2S",
                "alize.notification.digest-interval=PT0.5S", "alize.notification.reminder-interval=PT0.5S", "alize.notification.console-url=https://alize.example"})
class NotificationIT {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("alize.notification.smtp.host", () -> "127.0.0.1");
        registry.add("alize.notification.smtp.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @org.junit.jupiter.api.BeforeEach
    void emptyTheMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @LocalServerPort
    int port;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonalData personal;
    @Autowired
    PersonalKeys keys;

    @Test
    @DisplayName("R-23/R-24/R-25: a decision is mailed to the prescriber and the mandatary once, in French, text and HTML, "
            + "the convention to sign to its signatories; "
            + "preferences send it weekly or never; a refused mail is retried; an erasure forgets the person's mails")
    void decisions_reach_those_who_follow_the_project_as_each_chose() throws Exception {
        String basin = "mails-a";
        person(basin, "per-presc", "Claire", "Prescri", "claire.prescri@example.fr");
        person(basin, "per-mand", "Marc", "Parrain", "marc.parrain@example.fr");
        person(basin, "per-sans", "Sans", "Adresse", null);
        submitted(basin, "prj-1", "VAL-2026-001", "Menuiserie Duval", "per-presc");
        String decision = UUID.randomUUID().toString();
        decided(basin, "prj-1", "VAL-2026-001", "APPROVED", "per-mand", decision);
        decided(basin, "prj-1", "VAL-2026-001", "APPROVED", "per-mand", decision); // delivered twice: mailed once
        // a decision of 2021 entered after the fact is not news: no mail
        publishGolden(basin, ProjectEvents.TOPIC, ProjectEvents.PROJECT_DECIDED, "prj-old", 3, event -> event
                .put("projectId", "prj-old").put("reference", "VAL-2021-009").put("mandataryId", "per-mand")
                .put("decidedOn", "2021-05-06"));

        List<MimeMessage> all = awaitMails(3);
        MimeMessage toSign = all.stream().filter(m -> subject(m).startsWith("Convention de coopération à signer")).findFirst()
                .orElseThrow();
        assertThat(to(toSign)).as("R-24: the mandatary signs; no committee, no operator known in this basin")
                .isEqualTo("marc.parrain@example.fr");
        assertThat(part(toSign, "text/plain")).contains("attend votre signature, comme mandataire (R-24)",
                "l'annexe de l'avance remboursable");
        List<MimeMessage> first = all.stream().filter(m -> subject(m).startsWith("Projet ")).toList();
        assertThat(first).extracting(NotificationIT::to).containsExactlyInAnyOrder("claire.prescri@example.fr",
                "marc.parrain@example.fr");
        MimeMessage toMandatary = first.stream().filter(m -> to(m).startsWith("marc")).findFirst().orElseThrow();
        assertThat(toMandatary.getSubject()).isEqualTo("Projet VAL-2026-001 : projet agréé");
        assertThat(part(toMandatary, "text/plain")).contains("Bonjour Marc Parrain", "Menuiserie Duval", "projet agréé",
                "comme parrain du projet", "https://alize.example/bassins/mails-a/projets/prj-1",
                "https://alize.example/bassins/mails-a/mes-courriels");
        assertThat(part(toMandatary, "text/html")).contains("<html lang=\"fr\"", "Menuiserie Duval",
                "href=\"https://alize.example/bassins/mails-a/projets/prj-1\"");
        assertThat(part(first.stream().filter(m -> to(m).startsWith("claire")).findFirst().orElseThrow(), "text/plain"))
                .contains("comme prescripteur du projet");

        // preferences: the mandatary wants a weekly digest, the prescriber nothing of this kind
        ApiClient mandatary = member(basin, "per-mand");
        ApiClient prescriber = member(basin, "per-presc");
        assertThat(mandatary.get("/api/basins/" + basin + "/notifications/preferences").json().get("choices").get(0)
                .get("frequency").asString()).isEqualTo("IMMEDIATE");
        assertThat(mandatary.put("/api/basins/" + basin + "/notifications/preferences",
                "{\"choices\":{\"PROJECT_DECISION\":\"WEEKLY\"}}").status()).isEqualTo(200);
        assertThat(prescriber.put("/api/basins/" + basin + "/notifications/preferences",
                "{\"choices\":{\"PROJECT_DECISION\":\"NONE\"}}").status()).isEqualTo(200);
        ApiClient.Response refused = prescriber.put("/api/basins/" + basin + "/notifications/preferences",
                "{\"choices\":{\"TOUT\":\"WEEKLY\",\"PROJECT_DECISION\":\"PARFOIS\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("choices.TOUT", "sorte de courriel inconnue", "choices.PROJECT_DECISION",
                "fréquence inconnue");
        assertThat(prescriber.get("/api/basins/" + basin + "/notifications/preferences").body()).contains("\"NONE\"");
        String thousand = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "\"K" + i + "\":\"WEEKLY\"")
                .collect(java.util.stream.Collectors.joining(",", "{\"choices\":{", "}}"));
        ApiClient.Response tooMany = prescriber.put("/api/basins/" + basin + "/notifications/preferences", thousand);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("au plus une fréquence par sorte").hasSizeLessThan(2_000);
        ApiClient noPerson = ApiClient.on(port).as(TestIssuer.shared().token("op-" + basin).basin(basin, "OPERATOR").sign());
        assertThat(noPerson.get("/api/basins/" + basin + "/notifications/preferences").status()).isEqualTo(404);

        submitted(basin, "prj-2", "VAL-2026-002", "Boulangerie Lenoir", "per-presc");
        decided(basin, "prj-2", "VAL-2026-002", "REJECTED", "per-mand", UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> log(noPerson, basin).contains("HELD_FOR_DIGEST"));
        mailsStay(3);
        assertThat(SMTP.getReceivedMessages()).as("nothing sent at once: one held, one declined; nothing for 2021")
                .hasSize(3);

        // Monday morning comes: the digest gathers what was held
        BasinContext.callInNetwork(() -> mongo.updateMulti(query(where("basinId").is(basin)),
                new Update().set("dueAt", Instant.now().minusSeconds(1)), "digests"));
        MimeMessage digest = awaitMails(4).get(3);
        assertThat(to(digest)).isEqualTo("marc.parrain@example.fr");
        assertThat(digest.getSubject()).isEqualTo("ALIZÉ — votre résumé de la semaine (1 message)");
        assertThat(part(digest, "text/plain")).contains("VAL-2026-002", "Boulangerie Lenoir", "projet refusé");
        await().atMost(Duration.ofSeconds(10)).until(() -> log(noPerson, basin).contains("IN_DIGEST"));

        // the server refuses: the mail waits and is retried
        mandatary.put("/api/basins/" + basin + "/notifications/preferences", "{\"choices\":{\"PROJECT_DECISION\":\"IMMEDIATE\"}}");
        SMTP.stop();
        try {
            submitted(basin, "prj-3", "VAL-2026-003", "Garage Martin", "per-presc");
            decided(basin, "prj-3", "VAL-2026-003", "POSTPONED", "per-mand", UUID.randomUUID().toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> noPerson.get("/api/basins/" + basin
                    + "/notifications/mails?status=PENDING").body().contains("\"attempts\":1"));
            JsonNode failed = pending(noPerson, basin);
            assertThat(failed.get("statusLabel").asString()).isEqualTo("À envoyer");
            assertThat(failed.get("lastError").asString()).isNotBlank();
        } finally {
            SMTP.start();
        }
        BasinContext.callInNetwork(() -> mongo.updateMulti(query(where("basinId").is(basin)),
                new Update().set("dueAt", Instant.now().minusSeconds(1)), "outgoing"));
        MimeMessage retried = awaitMails(1).stream().filter(m -> subject(m).startsWith("Projet ")).findFirst().orElseThrow();
        assertThat(retried.getSubject()).isEqualTo("Projet VAL-2026-003 : décision ajournée");

        // the basin's log is its operator's only
        ApiClient otherOperator = ApiClient.on(port).as(TestIssuer.shared().token("op-b").basin("mails-b", "OPERATOR").sign());
        assertThat(otherOperator.get("/api/basins/" + basin + "/notifications/mails").status()).isEqualTo(404);
        assertThat(mandatary.get("/api/basins/" + basin + "/notifications/mails").status()).isEqualTo(403);
        assertThat(noPerson.get("/api/basins/" + basin + "/notifications/mails?size=500").status()).isEqualTo(400);

        // erasure: the mandatary's mails and preferences are forgotten, nothing more is written to them
        publish(basin, BasinEvents.TOPIC, BasinEvents.PERSON_ERASED, "per-mand",
                new PersonErased(basin, "per-mand", Instant.now(), "dpo"), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> !log(noPerson, basin).contains("marc.parrain"));
        assertThat(log(noPerson, basin)).contains("claire.prescri@example.fr");
    }

    @Test
    @DisplayName("R-23: the SME's head is told the committee's decision on their project, without an account or a choice; "
            + "their address stays sealed in the log and goes with their key")
    void the_sme_head_is_told_the_decision_and_forgotten_with_their_key_R23() throws Exception {
        String basin = "mails-h";
        submitted(basin, "prj-h", "VAL-2026-010", "Menuiserie Carpentier", "per-unknown");
        BasinId id = BasinId.of(basin);
        String key = ProjectDecided.holderKey("prj-h");
        String email = personal.seal(id, key, "paul.carpentier@menuiserie.example");
        String name = personal.seal(id, key, "Paul Carpentier");
        String replayed = UUID.randomUUID().toString();
        decidedFor(basin, "prj-h", "VAL-2026-010", "APPROVED", replayed, name, email);

        MimeMessage mail = awaitMails(1).get(0);
        assertThat(to(mail)).isEqualTo("paul.carpentier@menuiserie.example");
        assertThat(mail.getSubject()).isEqualTo("Votre projet VAL-2026-010 : projet agréé");
        assertThat(part(mail, "text/plain")).contains("Madame, Monsieur", "Menuiserie Carpentier", "projet agréé",
                "Un parrain", "convention de coopération").doesNotContain("Paul Carpentier").doesNotContain("mes-courriels");
        assertThat(part(mail, "text/html")).contains("<html lang=\"fr\"", "Menuiserie Carpentier");
        mailsStay(1);

        ApiClient operator = ApiClient.on(port).as(TestIssuer.shared().token("op-" + basin).basin(basin, "OPERATOR").sign());
        await().atMost(Duration.ofSeconds(10)).until(() -> log(operator, basin).contains("\"SENT\""));
        assertThat(log(operator, basin)).contains("paul.carpentier@menuiserie.example", "\"HOLDER_DECISION\"");
        assertThat(BasinContext.callIn(id, () -> mongo.findAll(org.bson.Document.class, "mails")).get(0).getString("to"))
                .as("stored sealed").startsWith("pd1:" + basin + "/" + key + ":");
        // no one chooses for the head: the kind is not among a person's choices
        assertThat(operator.get("/api/basins/" + basin + "/notifications/kinds").body()).doesNotContain("HOLDER_DECISION");
        person(basin, "per-h", "Léa", "Membre", "lea.membre@example.fr");
        ApiClient member = member(basin, "per-h");
        await().atMost(Duration.ofSeconds(10)).until(() -> member.get("/api/basins/" + basin + "/notifications/preferences")
                .status() == 200);
        ApiClient.Response refused = member.put("/api/basins/" + basin + "/notifications/preferences",
                "{\"choices\":{\"HOLDER_DECISION\":\"NONE\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("choices.HOLDER_DECISION", "sorte de courriel inconnue");

        // erased (project-service destroys the head's key): the log no longer says to whom, a replay writes nothing
        keys.destroy(id, key);
        assertThat(log(operator, basin)).doesNotContain("paul.carpentier").contains("\"to\":null");
        decidedFor(basin, "prj-h", "VAL-2026-010", "POSTPONED", UUID.randomUUID().toString(), name, email);
        mailsStay(1);
    }

    @Test
    void a_mail_older_than_thirteen_months_keeps_its_line_in_the_log_but_not_its_body() throws Exception {
        String basin = "mails-r";
        org.alize.tenancy.BasinId id = org.alize.tenancy.BasinId.of(basin);
        BasinContext.runIn(id, () -> {
            for (int days : new int[] {400, 30}) {
                mongo.insert(new org.alize.notification.mail.Mail("old-" + days, "per-r", "rose@example.fr",
                        org.alize.notification.mail.Kind.PROJECT_DECISION, "Projet VAL-" + days, "corps de " + days,
                        "<p>corps de " + days + "</p>", org.alize.notification.mail.Mail.Status.SENT, 1, null,
                        Instant.now().minus(Duration.ofDays(days)), Instant.now().minus(Duration.ofDays(days)), "ancien", null,
                        Instant.now().minus(Duration.ofDays(days)).plus(Duration.ofDays(395))));
            }
        });
        person(basin, "per-r", "Rose", "Ancienne", "rose@example.fr");
        submitted(basin, "prj-r", "VAL-2026-101", "Scierie Rose", "per-r");
        decided(basin, "prj-r", "VAL-2026-101", "APPROVED", "per-r", UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> BasinContext.callIn(id,
                () -> mongo.findById("old-400", org.alize.notification.mail.Mail.class).text() == null));
        org.alize.notification.mail.Mail old = BasinContext.callIn(id, () -> mongo.findById("old-400",
                org.alize.notification.mail.Mail.class));
        assertThat(old.html()).isNull();
        assertThat(old.subject()).as("the log keeps what it was about").isEqualTo("Projet VAL-400");
        assertThat(BasinContext.callIn(id, () -> mongo.findById("old-30", org.alize.notification.mail.Mail.class)).text())
                .as("a recent one keeps its body").isEqualTo("corps de 30");
        // the decision and the convention to sign reach Rose before the next scenario counts its own mails
        assertThat(awaitMails(2)).extracting(NotificationIT::to).containsOnly("rose@example.fr");
        mailsStay(2);
    }

    @Test
    @DisplayName("R-22: a convocation goes to each member of the committee on the session's day, with the agenda and "
            + "each project's diagnosis; a new convocation after the agenda changed says so")
    void a_convocation_reaches_the_members_of_the_day_with_the_diagnoses_R22() throws Exception {
        String basin = "mails-c";
        person(basin, "per-isabelle-roche", "Isabelle", "Roche", "isabelle.roche@mails-c.example");
        person(basin, "per-claire-martin", "Claire", "Martin", "claire.martin@mails-c.example");
        person(basin, "per-lefevre", "Thomas", "Lefèvre", "thomas.lefevre@mails-c.example");
        publishGolden(basin, BasinEvents.TOPIC, BasinEvents.APPROVAL_COMMITTEE_CHANGED, "committee", 1, event -> { });
        await().atMost(Duration.ofSeconds(30)).until(() -> BasinContext.callIn(org.alize.tenancy.BasinId.of(basin),
                () -> mongo.exists(query(where("_id").is("approval")), "committee")));
        java.time.LocalDate sessionDay = java.time.LocalDate.now(org.alize.kernel.BasinCalendar.ZONE).plusDays(20);
        for (int convocation = 1; convocation <= 2; convocation++) {
            int number = convocation;
            publishGolden(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_CONVENED, "ses-2026-04", number,
                    event -> event.put("convocation", number).put("scheduledOn", sessionDay.toString()));
        }
        // the same convocation replayed for a session long past (an archive imported, a topic read again): no mail
        publishGolden(basin, ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_CONVENED, "ses-2020-01", 1,
                event -> event.put("sessionId", "ses-2020-01").put("scheduledOn", "2020-01-09"));
        awaitMails(2);
        mailsStay(2);
        List<MimeMessage> mails = new ArrayList<>(Arrays.asList(SMTP.getReceivedMessages()));
        assertThat(mails).as("Isabelle Roche sits on the session's day, Claire Martin left at the end of 2025")
                .extracting(NotificationIT::to).containsOnly("isabelle.roche@mails-c.example").hasSize(2);
        MimeMessage first = mails.stream().filter(m -> subject(m).startsWith("Convocation :")).findFirst().orElseThrow();
        assertThat(first.getSubject()).isEqualTo("Convocation : séance n° 13 du comité d'agrément, le "
                + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRANCE).format(sessionDay));
        assertThat(part(first, "text/plain")).contains("Bonjour Isabelle Roche", "CCI Grand Hainaut, Valenciennes",
                "1. VAL-2026-031 — Menuiserie Duval (présenté par Thomas Lefèvre)", "Diagnostic du 20 mars 2026",
                "carnet de commandes solide", "qualité du projet 4/5", "Recommandation : Avance remboursable",
                "https://alize.example/bassins/mails-c/comites/ses-2026-04").doesNotContain("remplace la précédente");
        MimeMessage second = mails.stream().filter(m -> subject(m).startsWith("Convocation mise à jour")).findFirst()
                .orElseThrow();
        assertThat(part(second, "text/plain")).contains("convocation n° 2, qui remplace la précédente");
        assertThat(part(second, "text/html")).contains("<ol>", "Menuiserie Duval");
    }

    @Test
    @DisplayName("R-40: a network meeting invites the basin's operator staff and its committee's president; a cancellation "
            + "tells them; a meeting recorded after the fact invites no one")
    void a_network_meeting_invites_the_operator_and_the_president_R40() throws Exception {
        String basin = "mails-m";
        String operatorOrganisation = "org-valenciennes-metropole-dev";
        publishPerson(basin, "per-op-1", "Nadia", "Opératrice", "nadia.operatrice@mails-m.example", operatorOrganisation, true);
        publishPerson(basin, "per-op-2", "Ancien", "Salarié", "ancien.salarie@mails-m.example", operatorOrganisation, false);
        publishPerson(basin, "per-isabelle-roche", "Isabelle", "Roche", "isabelle.roche@mails-m.example", "org-hrs", true);
        publishPerson(basin, "per-autre", "Paul", "Partenaire", "paul.partenaire@mails-m.example", "org-hrs", true);
        publishGolden(basin, BasinEvents.TOPIC, BasinEvents.LOCAL_OPERATOR_APPOINTED, "operator", 1, event -> { });
        publishGolden(basin, BasinEvents.TOPIC, BasinEvents.APPROVAL_COMMITTEE_CHANGED, "committee", 1, event -> { });
        String future = java.time.LocalDate.now(org.alize.kernel.BasinCalendar.ZONE).plusDays(30).toString();
        publishGolden(basin, BasinEvents.TOPIC, BasinEvents.NETWORK_MEETING_PLANNED, "mtg-old", 1,
                event -> event.put("meetingId", "mtg-old").put("date", "2020-03-19").put("title", "Réunion d'autrefois"));
        publishGolden(basin, BasinEvents.TOPIC, BasinEvents.NETWORK_MEETING_PLANNED, "mtg-next", 1,
                event -> event.put("meetingId", "mtg-next").put("date", future));
        publishGolden(basin, BasinEvents.TOPIC, BasinEvents.NETWORK_MEETING_CANCELLED, "mtg-next", 2,
                event -> event.put("meetingId", "mtg-next").put("date", future));

        awaitMails(4);
        mailsStay(4);
        List<MimeMessage> mails = new ArrayList<>(Arrays.asList(SMTP.getReceivedMessages()));
        assertThat(mails).extracting(NotificationIT::to).as("the operator in activity and the president, twice each")
                .containsOnly("nadia.operatrice@mails-m.example", "isabelle.roche@mails-m.example").hasSize(4);
        assertThat(mails).extracting(NotificationIT::subject).noneMatch(subject -> subject.contains("autrefois"));
        MimeMessage invitation = mails.stream().filter(m -> subject(m).startsWith("Invitation :")
                && to(m).startsWith("isabelle")).findFirst().orElseThrow();
        assertThat(part(invitation, "text/plain")).contains("comme président(e) du comité d'agrément du bassin mails-m",
                "à la réunion « Vie du réseau »", "Vie du réseau — été 2026", "ASTREES, Paris", "3 bassin(s) invité(s)");
        MimeMessage cancellation = mails.stream().filter(m -> subject(m).startsWith("Réunion annulée :")
                && to(m).startsWith("nadia")).findFirst().orElseThrow();
        assertThat(part(cancellation, "text/plain")).contains("est annulée", "Motif : Grève des transports");
    }

    @Test
    @DisplayName("R-25: the mandatary is reminded of a report due in 15 days and of one overdue; a report filed since "
            + "cancels the reminder")
    void the_mandatary_is_reminded_of_the_half_yearly_report_R25() throws Exception {
        String basin = "mails-r";
        person(basin, "per-thomas-lefevre", "Thomas", "Lefèvre", "thomas.lefevre@mails-r.example");
        java.time.LocalDate today = java.time.LocalDate.now(org.alize.kernel.BasinCalendar.ZONE);
        // due in 10 days: the « 15 days before » reminder is already due
        signed(basin, "prj-soon", "R-SOON", today.minusMonths(6).plusDays(10));
        // due a month ago: only the overdue reminder says something
        signed(basin, "prj-late", "R-LATE", today.minusMonths(7));
        // due in 20 days (its first reminder in 5), but reported today: when its reminders come, nothing
        signed(basin, "prj-done", "R-DONE", today.minusMonths(6).plusDays(20));
        publishGolden(basin, ProjectEvents.TOPIC, ProjectEvents.FOLLOW_UP_REPORT_FILED, "prj-done", 5,
                event -> event.put("projectId", "prj-done").put("reportedOn", today.toString()));
        java.time.LocalDate oldDue = today.minusMonths(6).plusDays(20).plusMonths(6);
        await().atMost(Duration.ofSeconds(30)).until(() -> BasinContext.callInNetwork(() -> mongo.count(query(where("projectId")
                .is("prj-done")), "reminders")) == 4);
        BasinContext.callInNetwork(() -> mongo.updateMulti(query(where("projectId").is("prj-done").and("dueOn").is(oldDue)),
                new Update().set("fireAt", Instant.now().minusSeconds(1)), "reminders"));

        awaitMails(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> BasinContext.callInNetwork(() -> mongo.count(query(where("projectId")
                .is("prj-done")), "reminders")) == 2);
        mailsStay(2);
        List<MimeMessage> mails = new ArrayList<>(Arrays.asList(SMTP.getReceivedMessages()));
        assertThat(mails).extracting(NotificationIT::subject).containsExactlyInAnyOrder(
                "Compte rendu de suivi du projet R-SOON attendu le "
                        + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRANCE)
                        .format(today.plusDays(10)),
                "En retard : compte rendu de suivi du projet R-LATE");
        MimeMessage late = mails.stream().filter(m -> subject(m).startsWith("En retard")).findFirst().orElseThrow();
        assertThat(part(late, "text/plain")).contains("il est en retard", "(R-25)", "/bassins/mails-r/projets/prj-late");
        BasinContext.callInNetwork(() -> assertThat(mongo.count(query(where("basinId").is(basin).and("fireAt")
                .lte(Instant.now())), "reminders")).as("the reminders fired are gone").isZero());
    }

    private void signed(String basin, String projectId, String reference, java.time.LocalDate on) {
        publishGolden(basin, ProjectEvents.TOPIC, ProjectEvents.COOPERATION_CONVENTION_SIGNED, projectId, 4,
                event -> event.put("projectId", projectId).put("reference", reference).put("signedOn", on.toString()));
    }

    @Test
    @DisplayName("R-30: an instalment left unpaid the day after its due date is mailed to the operator staff, once; one paid "
            + "in full is not; a repayment received twice counts once")
    void an_unpaid_instalment_is_mailed_to_the_operator() throws Exception {
        String basin = "mails-f";
        String operatorOrganisation = "org-valenciennes-metropole-dev";
        publishPerson(basin, "per-op-1", "Nadia", "Opératrice", "nadia.operatrice@mails-f.example", operatorOrganisation, true);
        publishGolden(basin, BasinEvents.TOPIC, BasinEvents.LOCAL_OPERATOR_APPOINTED, "operator", 1, event -> { });
        java.time.LocalDate today = java.time.LocalDate.now(org.alize.kernel.BasinCalendar.ZONE);
        publishGolden(basin, org.alize.finance.events.FinanceEvents.TOPIC, org.alize.finance.events.FinanceEvents.ADVANCE_OPENED,
                "adv-prj-2026-007", 1, event -> {
                    tools.jackson.databind.node.ArrayNode schedule = event.putArray("schedule");
                    for (int i = 0; i < 3; i++) {
                        schedule.addObject().put("number", i + 1).put("dueOn", today.plusDays(i == 2 ? 30 : i).toString())
                                .put("amount", 400);
                    }
                });
        for (int delivery = 0; delivery < 2; delivery++) { // the same repayment published twice, under two event ids
            publishGolden(basin, org.alize.finance.events.FinanceEvents.TOPIC,
                    org.alize.finance.events.FinanceEvents.REPAYMENT_RECEIVED, "adv-prj-2026-007", 2 + delivery, event -> {
                        event.put("amount", 700).put("paidOn", today.toString());
                        tools.jackson.databind.node.ArrayNode allocations = event.putArray("allocations");
                        allocations.addObject().put("instalment", 1).put("amount", 300);
                        allocations.addObject().put("instalment", 2).put("amount", 400);
                    });
        }
        // one reminder per advance at a time: its first instalment's
        await().atMost(Duration.ofSeconds(30)).until(() -> BasinContext.callInNetwork(() -> mongo.count(
                query(where("basinId").is(basin)), "instalment_reminders")) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> BasinContext.callIn(org.alize.tenancy.BasinId.of(basin),
                () -> mongo.findById("adv-prj-2026-007", org.bson.Document.class, "advances")).get("repayments",
                org.bson.Document.class) != null && BasinContext.callIn(org.alize.tenancy.BasinId.of(basin),
                () -> mongo.findById("adv-prj-2026-007", org.bson.Document.class, "advances")).get("repayments",
                org.bson.Document.class).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> BasinContext.callIn(
                org.alize.tenancy.BasinId.of(basin), () -> mongo.findById("adv-prj-2026-007", org.bson.Document.class,
                "advances")).get("repayments", org.bson.Document.class).size() == 1); // the second delivery too
        // the day after the first two instalments comes
        BasinContext.callInNetwork(() -> mongo.updateMulti(query(where("basinId").is(basin).and("instalment").lte(2)),
                new Update().set("fireAt", Instant.now().minusSeconds(1)), "instalment_reminders"));
        awaitMails(1);
        mailsStay(1);
        List<MimeMessage> mails = new ArrayList<>(Arrays.asList(SMTP.getReceivedMessages()));
        assertThat(mails).extracting(NotificationIT::subject)
                .containsExactly("Échéance impayée : avance du projet 2026-007 (100,00 €)");
        assertThat(to(mails.get(0))).isEqualTo("nadia.operatrice@mails-f.example");
        assertThat(part(mails.get(0), "text/plain")).contains("L'échéance n° 1", "de 400,00 €", "100,00 € restent impayés",
                "/bassins/mails-f/avances/adv-prj-2026-007");
        // the next instalment's reminder is queued by the one that fired; paid in full, it sends nothing
        await().atMost(Duration.ofSeconds(10)).until(() -> BasinContext.callInNetwork(() -> mongo.count(
                query(where("basinId").is(basin).and("instalment").is(2)), "instalment_reminders")) == 1);
        BasinContext.callInNetwork(() -> mongo.updateMulti(query(where("basinId").is(basin).and("instalment").is(2)),
                new Update().set("fireAt", Instant.now().minusSeconds(1)), "instalment_reminders"));
        await().atMost(Duration.ofSeconds(10)).until(() -> BasinContext.callInNetwork(() -> mongo.count(
                query(where("basinId").is(basin).and("instalment").is(3)), "instalment_reminders")) == 1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    private void publishPerson(String basin, String personId, String first, String last, String email, String organisationId,
            boolean inActivity) {
        publish(basin, BasinEvents.TOPIC, BasinEvents.PERSON_RECORDED, personId, new PersonRecorded(basin, personId, first,
                last, email, null, organisationId, "ORGANISATION", null, inActivity, Instant.now(), "test"), 1);
    }

    private void publishGolden(String basin, String topic, String type, String subject, long sequence,
            java.util.function.Consumer<ObjectNode> change) {
        try (var golden = getClass().getResourceAsStream("/golden/" + type + ".json")) {
            ObjectNode event = (ObjectNode) json.readTree(golden);
            event.put("basinId", basin);
            change.accept(event);
            String payload = json.writeValueAsString(event);
            EventContract.assertConforms(type, payload);
            publisher.publish(new OutboxEntry(UUID.randomUUID().toString(), topic, type, "/basins/" + basin + "/test/" + subject,
                    subject, basin, sequence, Instant.now(), payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mailbox holds exactly {@code count} mails for a second and a half: nothing more comes. */
    private void mailsStay(int count) {
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10))
                .until(() -> SMTP.getReceivedMessages().length == count);
    }

    private List<MimeMessage> awaitMails(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessages().length >= count);
        return new ArrayList<>(Arrays.asList(SMTP.getReceivedMessages()));
    }

    private String log(ApiClient operator, String basin) {
        return operator.get("/api/basins/" + basin + "/notifications/mails").body();
    }

    private JsonNode pending(ApiClient operator, String basin) {
        for (JsonNode mail : operator.get("/api/basins/" + basin + "/notifications/mails?status=PENDING").json().get("items")) {
            if (mail.get("attempts").asInt() > 0) {
                return mail;
            }
        }
        throw new AssertionError("no pending mail");
    }

    private ApiClient member(String basin, String personId) {
        return ApiClient.on(port).as(TestIssuer.shared().token("login-" + personId).basin(basin, "COMMITTEE_MEMBER")
                .claim("people", Map.of(basin, personId)).sign());
    }

    private void person(String basin, String personId, String first, String last, String email) {
        publish(basin, BasinEvents.TOPIC, BasinEvents.PERSON_RECORDED, personId, new PersonRecorded(basin, personId, first,
                last, email, null, "org-1", "ORGANISATION", null, true, Instant.now(), "test"), 1);
    }

    private void submitted(String basin, String projectId, String reference, String company, String prescriberId) {
        publish(basin, ProjectEvents.TOPIC, ProjectEvents.PROJECT_SUBMITTED, projectId, new ProjectSubmitted(projectId,
                reference, basin, company, null, null, "EXISTING_SME_DEVELOPMENT", 3, prescriberId, List.of(), null,
                Instant.now(), "test"), 1);
    }

    private void decidedFor(String basin, String projectId, String reference, String outcome, String eventId, String name,
            String email) {
        try (var golden = getClass().getResourceAsStream("/golden/" + ProjectEvents.PROJECT_DECIDED + ".json")) {
            ObjectNode event = (ObjectNode) json.readTree(golden);
            event.put("basinId", basin).put("projectId", projectId).put("reference", reference).put("outcome", outcome)
                    .put("decidedOn", java.time.LocalDate.now(org.alize.kernel.BasinCalendar.ZONE).toString())
                    .putNull("mandataryId");
            event.putObject("holder").put("name", name).put("email", email);
            String payload = json.writeValueAsString(event);
            EventContract.assertConforms(ProjectEvents.PROJECT_DECIDED, payload);
            publisher.publish(new OutboxEntry(eventId, ProjectEvents.TOPIC, ProjectEvents.PROJECT_DECIDED,
                    "/basins/" + basin + "/projects/" + projectId, projectId, basin, 3, Instant.now(), payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void decided(String basin, String projectId, String reference, String outcome, String mandataryId, String eventId) {
        try (var golden = getClass().getResourceAsStream("/golden/" + ProjectEvents.PROJECT_DECIDED + ".json")) {
            ObjectNode event = (ObjectNode) json.readTree(golden);
            event.put("basinId", basin).put("projectId", projectId).put("reference", reference).put("outcome", outcome)
                    .put("decidedOn", java.time.LocalDate.now(org.alize.kernel.BasinCalendar.ZONE).toString())
                    .put("mandataryId", mandataryId).put("motivation", "Projet solide, emplois crédibles.");
            String payload = json.writeValueAsString(event);
            EventContract.assertConforms(ProjectEvents.PROJECT_DECIDED, payload);
            publisher.publish(new OutboxEntry(eventId, ProjectEvents.TOPIC, ProjectEvents.PROJECT_DECIDED,
                    "/basins/" + basin + "/projects/" + projectId, projectId, basin, 3, Instant.now(), payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish(String basin, String topic, String type, String subject, Object event, long sequence) {
        String payload = json.writeValueAsString(event);
        EventContract.assertConforms(type, payload);
        publisher.publish(new OutboxEntry(UUID.randomUUID().toString(), topic, type, "/basins/" + basin + "/test/" + subject,
                subject, basin, sequence, Instant.now(), payload));
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first part of {@code type} in the message, however its parts nest. */
    static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
