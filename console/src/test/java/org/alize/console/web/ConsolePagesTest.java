package org.alize.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.alize.console.ConsoleApplication;
import org.alize.console.ConsoleSettings;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page of the console rendered against recorded API answers (test resources {@code api/}, taken from the
 * demo network): no template error, French text, no basin page for someone of another basin. The browser
 * scenarios of system-tests do the same against the running platform.
 */
@SpringBootTest(classes = {ConsoleApplication.class, ConsolePagesTest.Recorded.class}, properties = {
        "alize.console.client-secret=test", "spring.main.allow-bean-definition-overriding=true",
        "alize.web-sessions.enabled=false"})
@AutoConfigureMockMvc
class ConsolePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordedApi api;

    @ParameterizedTest
    @ValueSource(strings = {"/bassins/valenciennois", "/bassins/valenciennois/projets", "/bassins/valenciennois/projets/p",
            "/bassins/valenciennois/projets/nouveau", "/bassins/valenciennois/comites", "/bassins/valenciennois/comites/s",
            "/bassins/valenciennois/finances", "/bassins/valenciennois/avances/a", "/bassins/valenciennois/journal",
            "/bassins/valenciennois/indicateurs", "/bassins/valenciennois/partenariat", "/bassins/valenciennois/partenaires", "/bassins/valenciennois/partenaires?personnes=1",
            "/reseau", "/reseau/bassins", "/reseau/reunions", "/reseau/utilisateurs", "/reseau/reconstructions", "/bassins/valenciennois/utilisateurs", "/bassins/valenciennois/ressources", "/bassins/valenciennois/clients-api", "/bassins/valenciennois/webhooks", "/bassins/valenciennois/webhooks/wh-1", "/bassins/valenciennois/imports", "/bassins/valenciennois/imports/imp-0a1b2c3d4e5f", "/bassins/valenciennois/imports-projets", "/bassins/valenciennois/imports-projets/imp-0a1b2c3d4e5f", "/bassins/valenciennois/soutiens", "/reseau/bassins/valenciennois/donnees", "/bassins/valenciennois/mes-courriels", "/bassins/valenciennois/courriels", "/mon-compte", "/"})
    void every_page_renders_in_french(String path) throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"network_roles\":[\"NETWORK_ADMIN\"],"
                + "\"basins\":{\"valenciennois\":[\"OPERATOR\"]},\"people\":{\"valenciennois\":\"per-2f99e2aa24\"}}";
        MvcResult result = mvc.perform(get(path).with(oidcLogin())).andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(path + " " + abbreviate(html)).isEqualTo(200);
        assertThat(html).contains("<html lang=\"fr\"", "Aller au contenu", "Se déconnecter").doesNotContain("Erreur —");
    }

    @Test
    void a_form_that_posts_carries_the_key_it_was_drawn_with_so_a_double_submit_sends_the_same_idempotency_key()
            throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String page = mvc.perform(get("/bassins/valenciennois/avances/a").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher repayment = java.util.regex.Pattern.compile(
                "action=\"[^\"]*/remboursements\"[^>]*>(?s:.*?)name=\"_cle\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(repayment.find()).as("the repayment form carries a key").isTrue();
        String key = repayment.group(1);
        assertThat(page.split("name=\"_cle\"", -1).length - 1).as("one key per posting form")
                .isEqualTo(page.split("method=\"post\"", -1).length - 1);

        api.keys.clear();
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/bassins/valenciennois/avances/a/remboursements").with(oidcLogin()).with(csrf())
                    .param("montant", "10").param("_cle", key)).andReturn();
        }
        mvc.perform(post("/bassins/valenciennois/avances/a/remboursements").with(oidcLogin()).with(csrf())
                .param("montant", "10")).andReturn();

        assertThat(api.keys).hasSize(3);
        assertThat(api.keys.subList(0, 2)).containsOnly(key + ".0");
        assertThat(api.keys.get(2)).doesNotStartWith(key).matches("[0-9a-f-]{36}");
    }

    @Test
    void the_finance_pages_read_every_position_at_the_date_chosen_and_say_so_when_a_date_is_to_come() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        api.expandedCalls.clear();
        String yearEnd = mvc.perform(get("/bassins/valenciennois/finances?au=2025-12-31").with(oidcLogin())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(yearEnd).contains("Les deux comptes <span>au 31/12/2025</span>", "value=\"2025-12-31\"");
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/accounts?asOf=2025-12-31",
                "/api/basins/valenciennois/arrears?asOf=2025-12-31", "/api/basins/valenciennois/loss-rate?asOf=2025-12-31")
                .anyMatch(call -> call.startsWith("/api/basins/valenciennois/advances?") && call.endsWith("&asOf=2025-12-31"));

        api.expandedCalls.clear();
        String future = mvc.perform(get("/bassins/valenciennois/finances?au=2999-01-01").with(oidcLogin())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String unreadable = mvc.perform(get("/bassins/valenciennois/finances?au=31/12/2025").with(oidcLogin())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(future).contains("Choisissez une date passée ou aujourd&#39;hui");
        assertThat(unreadable).contains("Date illisible");
        assertThat(api.expandedCalls).noneMatch(call -> call.contains("2999"));

        api.expandedCalls.clear();
        String advance = mvc.perform(get("/bassins/valenciennois/avances/a?au=2025-12-31").with(oidcLogin())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String journal = mvc.perform(get("/bassins/valenciennois/journal?au=2025-12-31").with(oidcLogin())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(advance).contains("value=\"2025-12-31\"");
        assertThat(journal).contains("value=\"2025-12-31\"");
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/advances/a?asOf=2025-12-31",
                "/api/basins/valenciennois/journal/reconciliation?asOf=2025-12-31");
    }

    @Test
    void a_basin_page_is_not_found_for_someone_of_another_basin() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.dunkerque\",\"basins\":{\"flandre-dunkerque\":[\"OPERATOR\"]}}";
        api.calls.clear();
        MvcResult result = mvc.perform(get("/bassins/valenciennois/projets").with(oidcLogin())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Page introuvable",
                "/bassins/flandre-dunkerque").doesNotContain("Boulangerie", "href=\"/bassins/valenciennois");
        assertThat(api.calls).as("not even asked of the APIs").isEmpty();
    }

    @Test
    void a_refused_action_comes_back_with_the_service_explanation() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        api.refusal = new ApiException(409, "Conflit", "Ce projet n'est pas prêt pour le comité.",
                List.of(new ApiException.FieldError("motif", "obligatoire")));
        MvcResult result = mvc.perform(post("/bassins/valenciennois/projets/p/actions/mark-ready").with(oidcLogin()).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/projets/p");
        assertThat(result.getFlashMap().get("failure")).isEqualTo("Ce projet n'est pas prêt pour le comité.");
        // the flash map lives in the login session, which is stored in MongoDB: all of it must serialise
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream())) {
            out.writeObject(result.getFlashMap());
        }
        api.refusal = null;
    }

    @Test
    void the_home_page_stays_useful_while_the_indicators_are_unavailable() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        api.unavailable = "/api/basins/{b}/indicators";
        MvcResult result = mvc.perform(get("/bassins/valenciennois").with(oidcLogin())).andReturn();
        api.unavailable = "";
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Les indicateurs sont momentanément indisponibles", "À faire maintenant", "Impayé de");
    }

    @Test
    void my_account_shows_my_roles_per_basin_and_where_my_mail_preferences_are() throws Exception {
        api.claims = "{\"preferred_username\":\"mandataire.valenciennois\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]},"
                + "\"people\":{\"valenciennois\":\"per-val-1\"}}";
        String page = mvc.perform(get("/mon-compte").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Mon compte", "mandataire.valenciennois", "valenciennois",
                "/bassins/valenciennois/mes-courriels", "/mot-de-passe-oublie", "/connexion/configuration");
    }

    @Test
    void my_account_changes_my_name_at_once_and_asks_for_a_new_address_with_my_password() throws Exception {
        api.claims = "{\"preferred_username\":\"mandataire.valenciennois\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]}}";
        String page = mvc.perform(get("/mon-compte").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Claire Martin", "claire.martin@example.fr", "Nouvelle adresse en attente",
                "claire@nouvelle.example", "Annuler ce changement", "Changer mon nom", "autocomplete=\"current-password\"");

        api.recorded.put("PUT /api/me/display-name", "{\"displayName\":\"Claire Martin-Roux\"}");
        MvcResult renamed = mvc.perform(post("/mon-compte/nom").param("nom", "Claire Martin-Roux").with(oidcLogin())
                .with(csrf())).andReturn();
        api.recorded.remove("PUT /api/me/display-name");
        assertThat(renamed.getResponse().getRedirectedUrl()).isEqualTo("/mon-compte");
        assertThat(api.lastBody).isEqualTo(Map.of("displayName", "Claire Martin-Roux"));
        assertThat(renamed.getFlashMap().get("success")).isEqualTo("Votre nom est changé.");
        // this session's pages show it at once: the login kept in the session carries the new name
        Object context = renamed.getRequest().getSession().getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(((org.springframework.security.core.context.SecurityContext) context).getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(org.springframework.security.oauth2.core.oidc.user.OidcUser.class,
                        user -> assertThat(user.getFullName()).isEqualTo("Claire Martin-Roux"));

        MvcResult asked = mvc.perform(post("/mon-compte/adresse").param("adresse", "claire@nouvelle.example")
                .param("motDePasse", "ma phrase de passe").with(oidcLogin()).with(csrf())).andReturn();
        assertThat(api.lastBody).isEqualTo(Map.of("email", "claire@nouvelle.example", "currentPassword", "ma phrase de passe"));
        assertThat(api.calls).contains("/api/me/email-change");
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/mon-compte");

        api.refusal = new ApiException(400, "Requête invalide", "La requête contient des valeurs invalides.",
                List.of(new ApiException.FieldError("currentPassword", "mot de passe incorrect")));
        MvcResult refused = mvc.perform(post("/mon-compte/adresse").param("adresse", "claire@nouvelle.example")
                .param("motDePasse", "pas le bon").with(oidcLogin()).with(csrf())).andReturn();
        api.refusal = null;
        assertThat(refused.getFlashMap().get("failure")).isEqualTo("La requête contient des valeurs invalides.");
        assertThat(refused.getFlashMap().get("fieldErrors")).asString().contains("mot de passe incorrect");

        mvc.perform(post("/mon-compte/adresse/annulation").with(oidcLogin()).with(csrf()));
        assertThat(api.calls).contains("DELETE /api/me/email-change");

        // the provider out of reach: the page still shows what the login said, without the forms
        api.unavailable = "/api/me";
        String degraded = mvc.perform(get("/mon-compte").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        api.unavailable = "";
        assertThat(degraded).contains("Mes sessions ouvertes").doesNotContain("Changer mon nom");
    }

    @Test
    void the_operator_convenes_the_members_of_a_scheduled_session_R22() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/comites/s").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Convoquer les membres", "diagnostic préalable");
        MvcResult result = mvc.perform(post("/bassins/valenciennois/comites/s/convocation").with(oidcLogin()).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/comites/s");
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/sessions/s/convocation");
    }

    @Test
    void each_person_chooses_how_often_they_receive_each_kind_of_mail_and_the_operator_reads_the_basin_s_log() throws Exception {
        api.claims = "{\"preferred_username\":\"membre\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]}}";
        String page = mvc.perform(get("/bassins/valenciennois/mes-courriels").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Décision du comité sur un projet", "Résumé hebdomadaire", "Convocation à une séance")
                .containsPattern("value=\"WEEKLY\"[^>]*checked");
        mvc.perform(post("/bassins/valenciennois/mes-courriels").param("choix-PROJECT_DECISION", "NONE")
                .param("choix-SESSION_CONVENED", "WEEKLY").param("autre", "x").with(oidcLogin()).with(csrf()));
        assertThat(api.lastBody).isEqualTo(Map.of("choices", Map.of("PROJECT_DECISION", "NONE", "SESSION_CONVENED", "WEEKLY")));
        assertThat(api.calls).contains("/api/basins/{b}/notifications/preferences");

        api.missing.add("/api/basins/{b}/notifications/preferences");
        assertThat(mvc.perform(get("/bassins/valenciennois/mes-courriels").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Rien à cette adresse.").doesNotContain("Enregistrer mes");
        api.missing.clear();

        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/courriels").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Projet VAL-2026-005 : décision ajournée", "À envoyer",
                "Connection refused", "claire.martin@valenciennois.example");
        api.claims = "{\"preferred_username\":\"membre\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/courriels").with(oidcLogin())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void an_operator_gives_the_basin_an_api_client_whose_secret_is_shown_once_then_renews_and_revokes_it() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String page = mvc.perform(get("/bassins/valenciennois/clients-api").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("CRM du bassin", "basin-valenciennois-3fa2c1d0e9b4", "lecture", "révoqué", "Nouveau client d")
                .doesNotContain("Copiez-le maintenant");

        api.recorded.put("POST /api/basins/{b}/api-clients", "{\"clientId\":\"basin-valenciennois-0123456789ab\","
                + "\"name\":\"CRM\",\"access\":\"READ\",\"expiresAt\":\"2027-03-01T08:00:00Z\","
                + "\"secret\":\"s3cr3t-shown-once\",\"tokenEndpoint\":\"/oauth2/token\",\"grantType\":\"client_credentials\"}");
        MvcResult created = mvc.perform(post("/bassins/valenciennois/clients-api").param("nom", "CRM").param("acces", "READ")
                .param("jours", "30").with(oidcLogin()).with(csrf())).andReturn();
        assertThat(created.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(created.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Copiez-le maintenant", "s3cr3t-shown-once", "basin-valenciennois-0123456789ab");
        assertThat(api.lastBody).isEqualTo(Map.of("name", "CRM", "access", "READ", "validDays", 30));
        assertThat(mvc.perform(get("/bassins/valenciennois/clients-api").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).as("shown once").doesNotContain("s3cr3t-shown-once");

        mvc.perform(post("/bassins/valenciennois/clients-api/basin-valenciennois-3fa2c1d0e9b4/revocation").with(oidcLogin())
                .with(csrf()));
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/api-clients/basin-valenciennois-3fa2c1d0e9b4");
        assertThat(api.calls).contains("DELETE /api/basins/{b}/api-clients/{c}");

        api.claims = "{\"preferred_username\":\"membre\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/clients-api").with(oidcLogin())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void an_operator_subscribes_a_webhook_whose_secret_is_shown_once_and_reads_its_delivery_log() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(page("/bassins/valenciennois/webhooks")).contains("https://erp.partenaire.example/alize", "ERP d&#39;Usinor",
                "désactivé", "alize.project.ProjectDecided.v1", "Nouveau webhook").doesNotContain("Copiez-le maintenant");

        api.recorded.put("POST /api/basins/{b}/webhooks", "{\"webhook\":{\"id\":\"wh-3\",\"url\":\"https://erp.example/h\","
                + "\"eventTypes\":[\"alize.project.ProjectDecided.v1\"],\"status\":\"ACTIVE\"},\"secret\":\"whsec_c2hvd24tb25jZQ==\"}");
        MvcResult created = mvc.perform(post("/bassins/valenciennois/webhooks").param("adresse", "https://erp.example/h")
                .param("description", "").param("types", "alize.project.ProjectDecided.v1", "alize.basin.PersonRecorded.v1")
                .with(oidcLogin()).with(csrf())).andReturn();
        assertThat(created.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(created.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Copiez-le maintenant",
                "whsec_c2hvd24tb25jZQ==");
        assertThat((Map<String, Object>) api.lastBody).containsEntry("url", "https://erp.example/h")
                .containsEntry("eventTypes", List.of("alize.project.ProjectDecided.v1", "alize.basin.PersonRecorded.v1"))
                .doesNotContainKey("description");
        assertThat(page("/bassins/valenciennois/webhooks")).as("shown once").doesNotContain("whsec_c2hvd24tb25jZQ==");

        assertThat(page("/bassins/valenciennois/webhooks/wh-1")).contains("whsec_…a1b2c3", "Journal des livraisons",
                "réponse 200", "pas de réponse en 10 s", "prochain essai", "Envoyer un événement d'essai", "Relivrer");
        mvc.perform(post("/bassins/valenciennois/webhooks/wh-1/ping").with(oidcLogin()).with(csrf()));
        mvc.perform(post("/bassins/valenciennois/webhooks/wh-1/livraisons/dl-1").with(oidcLogin()).with(csrf()));
        mvc.perform(post("/bassins/valenciennois/webhooks/wh-1/suppression").with(oidcLogin()).with(csrf()));
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/webhooks/wh-1/ping",
                "/api/basins/valenciennois/webhooks/wh-1/deliveries/dl-1/redeliver", "/api/basins/valenciennois/webhooks/wh-1");
        assertThat(api.calls).contains("DELETE /api/basins/{b}/webhooks/{w}");

        api.claims = "{\"preferred_username\":\"membre\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/webhooks").with(oidcLogin())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void an_operator_uploads_a_spreadsheet_sees_each_rows_outcome_and_rule_then_imports_it() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(page("/bassins/valenciennois/imports")).contains("partenaires-2026.xlsx", "2 créée(s)", "5 refusée(s)",
                "modele-partenaires.xlsx", "modele-personnes.csv", "multipart/form-data");

        api.recorded.put("UPLOAD /api/basins/{b}/imports/{k}?filename={f}", "{\"id\":\"imp-0a1b2c3d4e5f\"}");
        MvcResult uploaded = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/bassins/valenciennois/imports/partenaires")
                .file(new org.springframework.mock.web.MockMultipartFile("fichier", "partenaires.csv", "text/csv",
                        "Type;Nom\nentreprise partenaire;Usinor\n".getBytes(StandardCharsets.UTF_8)))
                .with(oidcLogin()).with(csrf())).andReturn();
        assertThat(uploaded.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/imports/imp-0a1b2c3d4e5f");
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/imports/partenaires?filename=partenaires.csv");
        assertThat((String) api.lastBody).contains("entreprise partenaire;Usinor").endsWith("as text/csv");

        assertThat(page("/bassins/valenciennois/imports/imp-0a1b2c3d4e5f")).contains("Aperçu", "1 à créer",
                "Valeur d&#39;une journée : ", "(R-10)", "Importer les lignes acceptées");
        api.recorded.put("POST /api/basins/{b}/imports/{i}/commit", "{\"status\":\"COMMITTED\"}");
        mvc.perform(post("/bassins/valenciennois/imports/imp-0a1b2c3d4e5f/enregistrement").with(oidcLogin()).with(csrf()));
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/imports/imp-0a1b2c3d4e5f/commit");

        // past projects go to project-service, through their own page
        assertThat(page("/bassins/valenciennois/imports-projets")).contains("Imports de projets passés", "modele-projets.xlsx",
                "procès-verbal", "aria-current=\"page\"").doesNotContain("modele-partenaires");
        api.recorded.put("UPLOAD /api/basins/{b}/project-imports/{k}?filename={f}", "{\"id\":\"imp-0a1b2c3d4e5f\"}");
        MvcResult projects = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/bassins/valenciennois/imports-projets/projets")
                .file(new org.springframework.mock.web.MockMultipartFile("fichier", "historique.csv", "text/csv",
                        "Référence d'origine\nHAI-1\n".getBytes(StandardCharsets.UTF_8)))
                .with(oidcLogin()).with(csrf())).andReturn();
        assertThat(projects.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/imports-projets/imp-0a1b2c3d4e5f");
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/project-imports/projets?filename=historique.csv");
        assertThat(mvc.perform(get("/bassins/valenciennois/imports-projets/modele-partenaires.csv").with(oidcLogin()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        api.claims = "{\"preferred_username\":\"membre\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/imports").with(oidcLogin())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void astrees_sees_what_a_basin_keeps_purges_it_once_retention_is_over_and_erases_a_person_on_request() throws Exception {
        api.claims = "{\"preferred_username\":\"astrees\",\"network_roles\":[\"NETWORK_ADMIN\"]}";
        String page = mvc.perform(get("/reseau/bassins/valenciennois/donnees").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("vault.person_keys", "Purger le bassin", "Retapez l", "Effacer la personne", "Effacer le dirigeant");

        mvc.perform(post("/reseau/bassins/valenciennois/donnees/purge").param("confirmation", "valenciennois")
                .with(oidcLogin()).with(csrf()));
        assertThat(api.expandedCalls).contains("/api/network/basins/valenciennois/offboarding");
        assertThat(api.lastBody).isEqualTo(Map.of("confirm", "valenciennois"));

        mvc.perform(post("/reseau/bassins/valenciennois/donnees/effacement-personne").param("personne", "per-2f99e2aa24")
                .param("demande", "courrier du 3 novembre 2026").with(oidcLogin()).with(csrf()));
        assertThat(api.expandedCalls).contains("/api/network/basins/valenciennois/people/per-2f99e2aa24/erasure");
        assertThat(api.lastBody).isEqualTo(Map.of("request", "courrier du 3 novembre 2026"));

        mvc.perform(post("/reseau/bassins/valenciennois/donnees/effacement-dirigeant").param("projet", "prj-1")
                .param("demande", "courriel du 4 novembre").with(oidcLogin()).with(csrf()));
        assertThat(api.expandedCalls).contains("/api/network/basins/valenciennois/projects/prj-1/head/erasure");

        api.claims = "{\"preferred_username\":\"comite\",\"network_roles\":[\"NATIONAL_COMMITTEE\"]}";
        assertThat(mvc.perform(get("/reseau/bassins/valenciennois/donnees").with(oidcLogin())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void the_indicators_pages_show_each_cohort_with_its_chart_and_offer_the_annual_report_R42() throws Exception {
        api.claims = "{\"preferred_username\":\"astrees\",\"network_roles\":[\"NETWORK_ADMIN\"],"
                + "\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String basin = mvc.perform(get("/bassins/valenciennois/indicateurs").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        assertThat(basin).contains("Évaluation par cohorte (R-42)", "data-labels=\"2024|2025\"", "data-values=\"31|34\"",
                "data-values2=\"23|7\"", "14 (11 projets)", "pas encore", "8 · 2 · 1", "2 · 6 · 1 · 0", "3 130,43 €",
                "format=pdf\">rapport annuel (PDF)");
        String network = mvc.perform(get("/reseau").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        assertThat(network).contains("Évaluation par cohorte (R-42)", "38 (30 projets)", "3 114,75 €");
    }

    @Test
    void the_network_dashboard_shows_each_basin_figures_with_its_rank_and_a_basin_users_roles_in_french() throws Exception {
        api.claims = "{\"preferred_username\":\"astrees\",\"network_roles\":[\"NETWORK_ADMIN\"],"
                + "\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String network = mvc.perform(get("/reseau").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(network.replaceAll("[\\s\\u00a0\\u202f]+", " ")).contains("98 999,78 €", "(1ᵉ)", "(2ᵉ)");
        // the table comes a page of basins at a time, in the order chosen
        api.expandedCalls.clear();
        assertThat(mvc.perform(get("/reseau").param("annee", "2026").param("page", "2").param("tri", "fundBalance")
                .with(oidcLogin())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(api.expandedCalls).contains("/api/network/indicators?year=2026&page=2&size=50&sort=fundBalance");
        String users = mvc.perform(get("/bassins/valenciennois/utilisateurs").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(users).contains(">membre du comité de pilotage</label>", ">partenaire</label>")
                .doesNotContain("<label for=\"nouveau-PARTNER\"></label>");
        assertThat(users.split("name=\"_csrf\"", -1)).as("one CSRF field per form").hasSize(
                users.split("<form method=\"post\"", -1).length);
    }

    @Test
    void astrees_resets_the_second_factor_of_someone_who_lost_their_phone() throws Exception {
        api.claims = "{\"preferred_username\":\"astrees\",\"network_roles\":[\"NETWORK_ADMIN\"]}";
        String page = mvc.perform(get("/reseau/utilisateurs").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page.split("Réinitialiser la double authentification", -1)).as("only for the one account enrolled").hasSize(2);

        MvcResult result = mvc.perform(post("/reseau/utilisateurs/astrees/second-factor").with(oidcLogin()).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reseau/utilisateurs");
        assertThat(api.calls).contains("/api/network/users/{l}/second-factor/reset");
    }

    @Test
    @SuppressWarnings("unchecked")
    @org.junit.jupiter.api.DisplayName("R-03, R-04: the operator designates the local operator by the three parties' consensus, with its two accounts")
    void the_operator_designates_the_local_operator_R03_R04() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String page = mvc.perform(get("/bassins/valenciennois/partenariat").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Désigner ou remplacer l", "Valenciennes Métropole Développement",
                "le président du comité de pilotage", "Compte de fonctionnement (IBAN)");

        api.keys.clear();
        String key = "6f0c2a1e-7d4b-4c1a-9e0f-3b2d1c4a5e6f";
        MvcResult appointed = mvc.perform(post("/bassins/valenciennois/partenariat/operateur").with(oidcLogin()).with(csrf())
                .param("_cle", key).param("organisation", "org-2dfbb6c16f").param("designeLe", "2026-11-30").param("consensusLe", "2026-11-20")
                .param("accordPartenaires", "on").param("accordPresident", "on").param("accordAstrees", "on")
                .param("compteFonds", "FR7630004000031234567890143").param("compteFonctionnement", "FR7630004000039876543210921"))
                .andReturn();

        assertThat(appointed.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/partenariat");
        assertThat(api.calls).contains("/api/basins/{b}/operator");
        assertThat(api.keys).as("the form's key: designated twice by a double click is designated once").containsExactly(key + ".0");
        Map<String, Object> body = (Map<String, Object>) api.lastBody;
        assertThat(body.get("holders")).isEqualTo(List.of(Map.of("organisationId", "org-2dfbb6c16f", "functions", List.of())));
        assertThat(body).containsEntry("appointedOn", "2026-11-30");
        assertThat((Map<String, Object>) body.get("consensus")).containsEntry("agreedOn", "2026-11-20")
                .containsEntry("partnersAgreed", true).containsEntry("steeringChairAgreed", true)
                .containsEntry("astreesAgreed", true);
        assertThat((Map<String, Object>) body.get("accounts")).containsEntry("advanceFund", "FR7630004000031234567890143")
                .containsEntry("operating", "FR7630004000039876543210921");

        // a basin that has no operator yet: the page says so, and the operator designates the first one
        api.missing.add("/api/basins/{b}/operator");
        try {
            String none = mvc.perform(get("/bassins/valenciennois/partenariat").with(oidcLogin())).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(none).contains("Aucun opérateur local n", "Désigner ou remplacer l");
        } finally {
            api.missing.clear();
        }

        // a committee member sees the operator, not the form
        api.claims = "{\"preferred_username\":\"membre\",\"basins\":{\"valenciennois\":[\"COMMITTEE_MEMBER\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/partenariat").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Opérateur local")
                .doesNotContain("Désigner ou remplacer l");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_operator_adds_an_organisation_with_its_skills_and_a_person_and_withdraws_a_partner() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String page = mvc.perform(get("/bassins/valenciennois/partenaires").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Ajouter une organisation", "Enregistrer une personne", "Retirer…", "Modifier…",
                "Initiative Valenciennes", "plateforme d’initiative locale", "Inscrire un dispositif");

        MvcResult added = mvc.perform(post("/bassins/valenciennois/partenaires/organisations").with(oidcLogin()).with(csrf())
                .param("nature", "PARTNER_COMPANY").param("nom", "Hainaut Rail Systèmes").param("siret", "73282932000074")
                .param("taille", "LARGE").param("associe", "").param("commune", "Valenciennes")
                .param("competences", "industrialisation : 20\r\n\n logistique: 5 ")).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/partenaires");
        Map<String, Object> organisation = (Map<String, Object>) api.lastBody;
        assertThat(organisation).containsEntry("kind", "PARTNER_COMPANY").containsEntry("sizeClass", "LARGE")
                .doesNotContainKey("associatedKind").containsEntry("address", Map.of("city", "Valenciennes"));
        assertThat(organisation.get("skills")).isEqualTo(List.of(Map.of("domain", "industrialisation", "indicativeDaysPerYear", 20),
                Map.of("domain", "logistique", "indicativeDaysPerYear", 5)));

        api.lastBody = null;
        MvcResult unreadable = mvc.perform(post("/bassins/valenciennois/partenaires/organisations").with(oidcLogin()).with(csrf())
                .param("nature", "PARTNER_COMPANY").param("nom", "Sans jours").param("competences", "industrialisation")).andReturn();
        assertThat(unreadable.getFlashMap().get("failure")).asString().contains("Compétence illisible : « industrialisation »");
        assertThat(api.lastBody).as("nothing sent").isNull();

        mvc.perform(post("/bassins/valenciennois/partenaires/personnes").with(oidcLogin()).with(csrf())
                .param("prenom", "Isabelle").param("nomPersonne", "Roche").param("rattachement", "ASTREES")
                .param("organisation", "org-123").param("inactif", "on")).andReturn();
        assertThat((Map<String, Object>) api.lastBody).containsEntry("affiliation", "ASTREES").containsEntry("inActivity", false)
                .doesNotContainKey("organisationId");

        mvc.perform(post("/bassins/valenciennois/partenaires/personnes/per-a28730cfdd").with(oidcLogin()).with(csrf())
                .param("prenom", "Karim").param("nomPersonne", "Benali").param("rattachement", "ORGANISATION")
                .param("organisation", "org-2dfbb6c16f").param("inactif", "on")).andReturn();
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/people/per-a28730cfdd");
        assertThat((Map<String, Object>) api.lastBody).as("no longer in activity (R-06), still of his organisation")
                .containsEntry("inActivity", false).containsEntry("organisationId", "org-2dfbb6c16f");

        mvc.perform(post("/bassins/valenciennois/partenaires/organisations/org-123/retrait").with(oidcLogin()).with(csrf())
                .param("motif", "Fin du mécénat de compétences")).andReturn();
        assertThat(api.calls).contains("/api/basins/{b}/organisations/{o}/withdraw");
        assertThat((Map<String, Object>) api.lastBody).containsEntry("reason", "Fin du mécénat de compétences");

        MvcResult scheme = mvc.perform(post("/bassins/valenciennois/partenaires/dispositifs").with(oidcLogin()).with(csrf())
                .param("nomDispositif", "Réseau Entreprendre Hainaut").param("type", "RESEAU_ENTREPRENDRE").param("site", "")).andReturn();
        assertThat(scheme.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/partenaires#dispositifs");
        assertThat((Map<String, Object>) api.lastBody).containsEntry("kind", "RESEAU_ENTREPRENDRE").doesNotContainKey("website");
    }

    @Test
    void astrees_sees_each_services_parked_events_and_retries_or_discards_them_with_a_reason() throws Exception {
        api.claims = "{\"preferred_username\":\"astrees\",\"network_roles\":[\"NETWORK_ADMIN\"]}";
        api.unavailable = "/api/network/outbox/{s}";
        String down = mvc.perform(get("/reseau/evenements-bloques").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        api.unavailable = "";
        assertThat(down).contains("Événements bloqués", "Service indisponible", "Finances");
        String page = mvc.perform(get("/reseau/evenements-bloques").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("alize.finance.ScheduleRescheduled.v1", "RecordTooLargeException", "Reprendre", "Abandonner…");

        mvc.perform(post("/reseau/evenements-bloques/finance-service/evt-1/reprendre").with(oidcLogin()).with(csrf())).andReturn();
        assertThat(api.calls).contains("/api/network/outbox/{s}/parked/{e}/retry");
        MvcResult discarded = mvc.perform(post("/reseau/evenements-bloques/finance-service/evt-1/abandonner").with(oidcLogin())
                .with(csrf()).param("motif", "Échéancier de 100 000 mois saisi par erreur")).andReturn();
        assertThat(discarded.getResponse().getRedirectedUrl()).isEqualTo("/reseau/evenements-bloques");
        assertThat(api.calls).contains("/api/network/outbox/{s}/parked/{e}/discard");

        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(mvc.perform(get("/reseau/evenements-bloques").with(oidcLogin())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_operator_seats_and_ends_committee_members_and_records_a_steering_decision() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String page = mvc.perform(get("/bassins/valenciennois/partenariat").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Nommer un membre", "Élire le président", "Désigner la présidence", "Enregistrer une décision",
                "mbr-4d7c8f437d");

        mvc.perform(post("/bassins/valenciennois/partenariat/comites/agrement-nomination").with(oidcLogin()).with(csrf())
                .param("personne", "per-6b4f0c010e").param("siege", "PARTNER_REPRESENTATIVE").param("depuis", "2026-12-01")).andReturn();
        assertThat((Map<String, Object>) api.lastBody).containsEntry("voting", false).containsEntry("from", "2026-12-01");
        mvc.perform(post("/bassins/valenciennois/partenariat/comites/agrement-fin").with(oidcLogin()).with(csrf())
                .param("mandat", "mbr-4d7c8f437d").param("dernierJour", "2026-12-31").param("motif", "")).andReturn();
        assertThat(api.expandedCalls).contains("/api/basins/valenciennois/committees/approval/members/mbr-4d7c8f437d/end");
        assertThat((Map<String, Object>) api.lastBody).containsEntry("lastDay", "2026-12-31").doesNotContainKey("reason");
        MvcResult decided = mvc.perform(post("/bassins/valenciennois/partenariat/comites/pilotage-decision").with(oidcLogin())
                .with(csrf()).param("reference", "CLP-2026-12").param("date", "2026-12-01")
                .param("objet", "Virement de 20 000 € vers le fonds d'avances")).andReturn();
        assertThat(decided.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/partenariat");
        assertThat((Map<String, Object>) api.lastBody).containsEntry("reference", "CLP-2026-12");
        assertThat(mvc.perform(post("/bassins/valenciennois/partenariat/comites/inconnue").with(oidcLogin()).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_file_is_corrected_with_what_the_form_does_not_show_kept_and_only_before_the_committee() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String followed = mvc.perform(get("/bassins/valenciennois/projets/prj-1").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(followed).as("a project in follow-up is no longer corrected").doesNotContain("Corriger le dossier");
        api.recorded.put("/api/basins/{b}/projects/{id}", "project-submitted");
        String submitted;
        try {
            submitted = mvc.perform(get("/bassins/valenciennois/projets/prj-1").with(oidcLogin())).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } finally {
            api.recorded.clear();
        }
        assertThat(submitted).contains("Corriger le dossier", "value=\"81234567800019\"", "value=\"sch-1a2b3c4d5e\"",
                "value=\"organisation industrielle\"", "value=\"17000\"");

        MvcResult amended = mvc.perform(post("/bassins/valenciennois/projets/prj-1/dossier").with(oidcLogin()).with(csrf())
                .param("entreprise", "Recyclage Métaux Valenciennes").param("prenom", "Lucie").param("nom", "Delcourt")
                .param("type", "STRUCTURING_PROJECT").param("emplois", "4").param("montant", "18 000,00")
                .param("competences", "organisation industrielle, export").param("prescripteur", "per-a8af549a5d")
                .param("dispositifs", "sch-1, sch-2").param("date", "2026-06-04").param("siret", "")).andReturn();
        assertThat(amended.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/projets/prj-1");
        Map<String, Object> body = (Map<String, Object>) api.lastBody;
        assertThat(body).containsEntry("forecastJobs", 4).containsEntry("prescriberId", "per-a8af549a5d")
                .containsEntry("supportSchemeIds", List.of("sch-1", "sch-2")).containsEntry("submittedOn", "2026-06-04");
        assertThat((Map<String, Object>) body.get("needs")).containsEntry("amountRequested", new java.math.BigDecimal("18000.00"))
                .containsEntry("skillsDomains", List.of("organisation industrielle", "export"));
        assertThat((Map<String, Object>) body.get("company")).doesNotContainKey("siret");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_convention_is_negotiated_in_tables_signed_and_each_form_keeps_what_the_other_typed() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/conventions").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("n° 3", "en négociation", "n° 2", "signée", "Ouvrir une convention");
        String page = mvc.perform(get("/bassins/valenciennois/conventions/conv-2028").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Enregistrer les engagements", "name=\"numeraire-org-80690337e4\"", "value=\"33400.0",
                "Enregistrer l'annexe", "Enregistrer la signature", "Signataire pour Hainaut Rail Systèmes");

        mvc.perform(post("/bassins/valenciennois/conventions/conv-2028/engagements").with(oidcLogin()).with(csrf())
                .param("organisations", "org-80690337e4,org-4e5787d641,org-new").param("numeraire-org-80690337e4", "40 000")
                .param("jours-org-80690337e4", "12").param("valeur-org-80690337e4", "800").param("numeraire-org-4e5787d641", "")
                .param("nature-org-new", "5000,50")).andReturn();
        Map<String, Object> terms = (Map<String, Object>) api.lastBody;
        List<Map<String, Object>> pledges = (List<Map<String, Object>>) terms.get("pledges");
        assertThat(pledges).extracting(p -> p.get("organisationId")).as("an empty row pledges nothing")
                .containsExactly("org-80690337e4", "org-new");
        assertThat(pledges.get(0)).containsEntry("cash", new BigDecimal("40000")).containsEntry("skillsDays", 12);
        assertThat(terms.get("budget")).as("the annex is sent back as it was").asList().hasSize(4);
        assertThat(terms).containsKey("objectives").containsEntry("operatorReimbursementAgreedByAllPartners", true);

        mvc.perform(post("/bassins/valenciennois/conventions/conv-2028/annexe").with(oidcLogin()).with(csrf())
                .param("depense-1-PROJECT_SUPPORT", "200 000").param("depense-2-LOCAL_ENGINEERING", "85000")).andReturn();
        terms = (Map<String, Object>) api.lastBody;
        assertThat((List<Map<String, Object>>) terms.get("budget")).extracting(l -> l.get("kind") + " " + l.get("year") + " " + l.get("category"))
                .containsExactly("RESOURCE 1 OTHER", "SPENDING 1 PROJECT_SUPPORT", "SPENDING 2 LOCAL_ENGINEERING");
        assertThat(terms).containsEntry("operatorReimbursementAgreedByAllPartners", false);
        assertThat((List<?>) terms.get("pledges")).as("the pledges are sent back as they were").hasSize(4);

        MvcResult bad = mvc.perform(post("/bassins/valenciennois/conventions/conv-2028/engagements").with(oidcLogin()).with(csrf())
                .param("organisations", "org-80690337e4").param("jours-org-80690337e4", "douze")).andReturn();
        assertThat(bad.getFlashMap().get("failure")).asString().contains("Nombre de jours illisible");

        mvc.perform(post("/bassins/valenciennois/conventions/conv-2028/signature").with(oidcLogin()).with(csrf())
                .param("signataires", "org-80690337e4,org-4e5787d641").param("signataire-org-80690337e4", "Isabelle Roche")
                .param("signataire-org-4e5787d641", "Thomas Lefèvre").param("operateur", "org-2dfbb6c16f")
                .param("signataireAstrees", "Claire Martin").param("signataireOperateur", "Karim Benali").param("date", "2027-12-15"))
                .andReturn();
        Map<String, Object> signed = (Map<String, Object>) api.lastBody;
        assertThat((List<?>) signed.get("signatures")).hasSize(2);
        assertThat((Map<String, Object>) signed.get("operatorConvention")).containsEntry("operatorOrganisationIds", List.of("org-2dfbb6c16f"))
                .containsEntry("signedOn", "2027-12-15");
    }

    @Test
    void the_accessibility_statement_is_read_without_logging_in_and_linked_from_every_page() throws Exception {
        String statement = mvc.perform(get("/accessibilite")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(statement).contains("Déclaration d’accessibilité", "partiellement conforme", "RGAA", "Défenseur des droits");
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(mvc.perform(get("/bassins/valenciennois/partenaires").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("href=\"/accessibilite\"");
    }

    @Test
    void the_pager_keeps_the_page_filters() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String html = mvc.perform(get("/bassins/valenciennois/journal?page=1&x=y").with(oidcLogin())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"/bassins/valenciennois/journal?x=y&amp;page=0\"",
                "href=\"/bassins/valenciennois/journal?x=y&amp;page=2\"", "Page 2 sur");
    }

    @Test
    @SuppressWarnings("unchecked")
    void astrees_registers_a_basin_with_its_communes_typed_one_per_line() throws Exception {
        api.claims = "{\"preferred_username\":\"astrees\",\"network_roles\":[\"NETWORK_ADMIN\"]}";
        MvcResult result = mvc.perform(post("/reseau/bassins").with(oidcLogin()).with(csrf())
                .param("nom", "Sambre-Avesnois").param("identifiant", "sambre-avesnois").param("region", "Hauts-de-France")
                .param("communes", "59392 Maubeuge\r\n\n 59036   Aulnoye-Aymeries \n").param("criteres", "WEAK_ENDOGENOUS_DEVELOPMENT"))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/reseau/bassins");
        Map<String, Object> body = (Map<String, Object>) api.lastBody;
        assertThat(body.get("communes")).isEqualTo(List.of(Map.of("inseeCode", "59392", "name", "Maubeuge"),
                Map.of("inseeCode", "59036", "name", "Aulnoye-Aymeries")));
        assertThat(body.get("priorityCriteria")).isEqualTo(List.of("WEAK_ENDOGENOUS_DEVELOPMENT"));
    }

    @Test
    void a_mistyped_advance_in_a_decision_comes_back_as_a_refusal_and_nothing_is_sent() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        api.calls.clear();
        MvcResult result = mvc.perform(post("/bassins/valenciennois/comites/s/decisions").with(oidcLogin()).with(csrf())
                .param("projet", "p").param("decision", "APPROVED").param("motivation", "Bon projet")
                .param("avance", "quinze mille")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/bassins/valenciennois/comites/s");
        assertThat((String) result.getFlashMap().get("failure")).contains("Montant invalide");
        assertThat(api.calls).noneMatch(call -> call.endsWith("/decisions"));
    }

    @Test
    void every_correction_the_api_allows_has_its_form_reversals_rescheduling_deliveries_and_a_new_mandatary() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        String resources = page("/bassins/valenciennois/ressources");
        String advance = page("/bassins/valenciennois/avances/a");
        String project = page("/bassins/valenciennois/projets/p");
        assertThat(resources).contains("/ressources/contributions/", "/ressources/depenses/", "/ressources/virements/")
                .contains("/contre-passation");
        assertThat(advance).contains("Rééchelonner", "/remboursements/rpy-2655d6e6-8/contre-passation");
        assertThat(project).contains("Remplacer le mandataire", "Isabelle Roche", "Enregistrer des jours de compétences livrés",
                "msn-3c2b1a");

        api.expandedCalls.clear();
        MvcResult reversal = mvc.perform(post("/bassins/valenciennois/ressources/virements/trf-1/contre-passation")
                .with(oidcLogin()).with(csrf()).param("motif", "Saisie en double")).andReturn();
        assertThat(api.expandedCalls).containsExactly("/api/basins/valenciennois/transfers/trf-1/reverse");
        assertThat(api.lastBody).asString().contains("Saisie en double");
        assertThat(reversal.getFlashMap().get("success")).asString().contains("contre-passé");

        api.expandedCalls.clear();
        MvcResult unknown = mvc.perform(post("/bassins/valenciennois/ressources/avances/x/contre-passation")
                .with(oidcLogin()).with(csrf()).param("motif", "?")).andReturn();
        assertThat(unknown.getFlashMap().get("failure")).asString().contains("ne se contre-passe pas");
        mvc.perform(post("/bassins/valenciennois/avances/a/reechelonnement").with(oidcLogin()).with(csrf())
                .param("approbation", "CA-2026-11").param("duree", "vingt").param("differe", "0")).andReturn();
        assertThat(api.expandedCalls).as("nothing is sent for an unknown movement or an unreadable term").isEmpty();

        mvc.perform(post("/bassins/valenciennois/avances/a/reechelonnement").with(oidcLogin()).with(csrf())
                .param("approbation", "CA-2026-11").param("duree", "24").param("differe", "3").param("periodicite", "QUARTERLY"))
                .andReturn();
        assertThat(api.lastBody).asString().contains("durationMonths=24", "graceMonths=3", "QUARTERLY");
        mvc.perform(post("/bassins/valenciennois/avances/a/remboursements/rpy-2655d6e6-8/contre-passation").with(oidcLogin())
                .with(csrf()).param("motif", "Chèque revenu impayé")).andReturn();
        mvc.perform(post("/bassins/valenciennois/projets/p/missions").with(oidcLogin()).with(csrf()).param("mission", "msn-3c2b1a")
                .param("date", "2026-11-02").param("jours", "2")).andReturn();
        assertThat(api.lastBody).asString().contains("days=2", "deliveredOn=2026-11-02");
        mvc.perform(post("/bassins/valenciennois/projets/p/mandataire").with(oidcLogin()).with(csrf())
                .param("mandataire", "per-6b4f0c010e").param("date", "2026-11-02").param("motif", "Départ à la retraite")).andReturn();
        assertThat(api.lastBody).asString().contains("mandataryId=per-6b4f0c010e");
        assertThat(api.expandedCalls).containsExactly("/api/basins/valenciennois/advances/a/reschedule",
                "/api/basins/valenciennois/advances/a/repayments/rpy-2655d6e6-8/reverse",
                "/api/basins/valenciennois/projects/p/missions/msn-3c2b1a/deliveries",
                "/api/basins/valenciennois/projects/p/mandatary");
    }

    @Test
    void the_remaining_api_actions_have_their_forms_too() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(page("/bassins/valenciennois/comites/s")).contains("/ordre-du-jour/prj-c2e0474f-a/retrait",
                "Annuler la séance");
        assertThat(page("/bassins/valenciennois/partenaires")).contains("Enregistrer la fiche", "métallurgie : 14",
                "Enregistrer le dispositif", "Initiative Valenciennes");
        assertThat(page("/bassins/valenciennois/partenariat")).contains("Règle de quorum", "MINIMUM_PRESENT");
        assertThat(page("/bassins/valenciennois/webhooks/wh-1")).contains("/webhooks/wh-1/modification", "checked");
        assertThat(page("/bassins/valenciennois/utilisateurs")).contains("/utilisateurs/nadia.dubois/invitation")
                .doesNotContain("/utilisateurs/operateur.valenciennois/invitation");
        assertThat(page("/bassins/valenciennois/soutiens")).contains("Menuiserie Carpentier", "Initiative Valenciennes",
                "/soutiens/gsp-prj-1/pret", "versé le 02/10/2026").doesNotContain("/soutiens/gsp-prj-1/financement");
        assertThat(page("/bassins/valenciennois/finances")).contains("tranches-impayes", "/soutiens");
        assertThat(page("/bassins/valenciennois/avances/a")).as("fully disbursed, nothing written off")
                .doesNotContain("Verser une tranche", "Enregistrer une récupération");

        api.expandedCalls.clear();
        mvc.perform(post("/bassins/valenciennois/avances/a/versements").with(oidcLogin()).with(csrf())
                .param("montant", "5 000,00").param("date", "2026-11-30")).andReturn();
        assertThat(api.lastBody).asString().contains("amount=5000.00", "on=2026-11-30");
        mvc.perform(post("/bassins/valenciennois/avances/a/recuperations").with(oidcLogin()).with(csrf())
                .param("montant", "1200")).andReturn();
        mvc.perform(post("/bassins/valenciennois/comites/s/ordre-du-jour/prj-c2e0474f-a/retrait").with(oidcLogin())
                .with(csrf())).andReturn();
        mvc.perform(post("/bassins/valenciennois/comites/s/annulation").with(oidcLogin()).with(csrf())
                .param("motif", "Quorum impossible")).andReturn();
        assertThat(api.lastBody).asString().contains("Quorum impossible");
        mvc.perform(post("/bassins/valenciennois/partenaires/organisations/org-224f410bd4").with(oidcLogin()).with(csrf())
                .param("nature", "PARTNER_COMPANY").param("nom", "Aciers du Valenciennois SA").param("taille", "LARGE")
                .param("competences", "métallurgie : 20\nsoudure : 5").param("codePostal", "59300")).andReturn();
        assertThat(api.lastBody).asString().contains("name=Aciers du Valenciennois SA", "sizeClass=LARGE", "soudure",
                "indicativeDaysPerYear=20");
        mvc.perform(post("/bassins/valenciennois/partenaires/dispositifs/sch-1a2b3c4d5e").with(oidcLogin()).with(csrf())
                .param("type", "PFIL").param("nomDispositif", "Initiative Valenciennes Hainaut")).andReturn();
        mvc.perform(post("/bassins/valenciennois/partenariat/comites/agrement-quorum").with(oidcLogin()).with(csrf())
                .param("regle", "MINIMUM_PRESENT").param("minimum", "5")).andReturn();
        assertThat(api.lastBody).asString().contains("kind=MINIMUM_PRESENT", "minimum=5");
        MvcResult unreadable = mvc.perform(post("/bassins/valenciennois/partenariat/comites/agrement-quorum").with(oidcLogin())
                .with(csrf()).param("regle", "MINIMUM_PRESENT").param("minimum", "cinq")).andReturn();
        assertThat(unreadable.getFlashMap().get("failure")).asString().contains("illisible");
        mvc.perform(post("/bassins/valenciennois/webhooks/wh-1/modification").with(oidcLogin()).with(csrf())
                .param("adresse", "https://erp.partenaire.example/v2").param("types", "alize.project.ProjectDecided.v1"))
                .andReturn();
        assertThat(api.lastBody).asString().contains("https://erp.partenaire.example/v2");
        mvc.perform(post("/bassins/valenciennois/soutiens/gsp-prj-1/pret").with(oidcLogin()).with(csrf())
                .param("date", "2026-11-15")).andReturn();
        assertThat(api.lastBody).asString().contains("paidOn=2026-11-15");
        mvc.perform(post("/bassins/valenciennois/finances/tranches-impayes").with(oidcLogin()).with(csrf())
                .param("bornes", "30, 60; 120")).andReturn();
        assertThat(api.lastBody).asString().contains("upperBounds=[30, 60, 120]");
        MvcResult badBounds = mvc.perform(post("/bassins/valenciennois/finances/tranches-impayes").with(oidcLogin())
                .with(csrf()).param("bornes", "30, trois mois")).andReturn();
        assertThat(badBounds.getFlashMap().get("failure")).asString().contains("Bornes illisibles");
        mvc.perform(post("/bassins/valenciennois/utilisateurs/nadia.dubois/invitation").with(oidcLogin()).with(csrf()))
                .andReturn();
        assertThat(api.expandedCalls).containsExactly("/api/basins/valenciennois/advances/a/disbursements",
                "/api/basins/valenciennois/advances/a/recoveries",
                "/api/basins/valenciennois/sessions/s/agenda/prj-c2e0474f-a",
                "/api/basins/valenciennois/sessions/s/cancel",
                "/api/basins/valenciennois/organisations/org-224f410bd4",
                "/api/basins/valenciennois/support-schemes/sch-1a2b3c4d5e",
                "/api/basins/valenciennois/committees/approval/quorum",
                "/api/basins/valenciennois/webhooks/wh-1",
                "/api/basins/valenciennois/granted-support/gsp-prj-1/loan-paid",
                "/api/basins/valenciennois/arrears/buckets",
                "/api/basins/valenciennois/users/nadia.dubois/invitation");

        api.claims = "{\"preferred_username\":\"astrees\",\"network_roles\":[\"NETWORK_ADMIN\"]}";
        assertThat(page("/reseau/reunions")).contains("/reseau/reunions/mtg-", "/annulation");
        api.expandedCalls.clear();
        mvc.perform(post("/reseau/reunions/mtg-e38493cc54/annulation").with(oidcLogin()).with(csrf())
                .param("motif", "Salle indisponible")).andReturn();
        assertThat(api.expandedCalls).containsExactly("/api/network/meetings/mtg-e38493cc54/cancel");
        assertThat(page("/reseau/bassins")).contains("Corriger la fiche", "59606 Valenciennes");
        mvc.perform(post("/reseau/bassins/valenciennois/fiche").with(oidcLogin()).with(csrf()).param("nom", "Valenciennois")
                .param("region", "Hauts-de-France").param("communes", "59606 Valenciennes\n59009 Anzin")
                .param("criteres", "WEAK_ENDOGENOUS_DEVELOPMENT")).andReturn();
        assertThat(api.lastBody).asString().contains("inseeCode=59009", "WEAK_ENDOGENOUS_DEVELOPMENT");
        assertThat(api.expandedCalls).endsWith("/api/network/basins/valenciennois");
        assertThat(page("/reseau/reconstructions")).contains("Lancer une reconstruction", "en service", "identique", "48210");
        assertThat(page("/reseau/utilisateurs")).contains("Rôles de tête de réseau", "membre du comité national de pilotage",
                "k-2026-11-20", "(signe les jetons)", "Faire tourner la clé");
        api.expandedCalls.clear();
        mvc.perform(post("/reseau/cles-de-signature/rotation").with(oidcLogin()).with(csrf())).andReturn();
        mvc.perform(post("/reseau/reconstructions").with(oidcLogin()).with(csrf())).andReturn();
        mvc.perform(post("/reseau/utilisateurs/karim/reseau").with(oidcLogin()).with(csrf())
                .param("reseau-NATIONAL_COMMITTEE", "on")).andReturn();
        assertThat(api.lastBody).asString().contains("roles=[NATIONAL_COMMITTEE]");
        assertThat(api.expandedCalls).containsExactly("/api/network/signing-keys/rotate", "/api/network/indicators/rebuilds",
                "/api/network/users/karim/network-roles");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(oidcLogin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() throws Exception {
        api.claims = "{\"preferred_username\":\"operateur.valenciennois\",\"basins\":{\"valenciennois\":[\"OPERATOR\"]}}";
        assertThat(mvc.perform(post("/bassins/valenciennois/avances/a/remboursements").param("montant", "10")
                .with(oidcLogin())).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private static String abbreviate(String text) {
        int error = text.indexOf("alert failure");
        return error < 0 ? text.substring(0, Math.min(200, text.length())) : text.substring(error, Math.min(error + 400, text.length()));
    }

    /** The APIs as recorded from the demo network: each path answers its file under {@code api/}. */
    static class RecordedApi extends Api {

        private static final JsonMapper JSON = JsonMapper.builder().build();
        private static final Map<String, String> FILES = Map.ofEntries(
                Map.entry("/api/basins/{b}/profile", "profile"), Map.entry("/api/me", "me"), Map.entry("/api/basins/{b}/indicators?year={y}", "indicators"),
                Map.entry("/api/basins/{b}/indicators/series", "indicators-series"), Map.entry("/api/basins/{b}/indicators/cohorts", "cohorts"), Map.entry("/api/basins/{b}/api-clients", "api-clients"), Map.entry("/api/basins/{b}/webhooks", "webhooks"), Map.entry("/api/basins/{b}/imports", "imports"), Map.entry("/api/basins/{b}/imports/{i}", "import"), Map.entry("/api/basins/{b}/imports/{i}/rows", "import-rows"), Map.entry("/api/basins/{b}/project-imports", "imports"), Map.entry("/api/basins/{b}/granted-support", "granted-support"), Map.entry("/api/network/indicators/rebuilds", "rebuilds"), Map.entry("/api/network/signing-keys", "signing-keys"), Map.entry("/api/basins/{b}/project-imports/{i}", "import"), Map.entry("/api/basins/{b}/project-imports/{i}/rows", "import-rows"), Map.entry("/api/basins/{b}/webhooks/event-types", "webhook-event-types"), Map.entry("/api/basins/{b}/webhooks/{w}", "webhook"), Map.entry("/api/basins/{b}/webhooks/{w}/deliveries", "webhook-deliveries"), Map.entry("/api/basins/{b}/notifications/kinds", "notification-kinds"), Map.entry("/api/basins/{b}/notifications/preferences", "notification-preferences"), Map.entry("/api/basins/{b}/notifications/mails", "notification-mails"),
                Map.entry("/api/network/basins/{b}/offboarding", "offboarding"),
                Map.entry("/api/network/indicators/cohorts", "network-cohorts"), Map.entry("/api/basins/{b}/arrears", "arrears"),
                Map.entry("/api/basins/{b}/sessions", "sessions"), Map.entry("/api/basins/{b}/conventions/in-force", "convention"),
                Map.entry("/api/basins/{b}/committee?on={d}", "committee"), Map.entry("/api/basins/{b}/committees/approval?on={d}", "approval"),
                Map.entry("/api/basins/{b}/committees/steering?on={d}", "steering"), Map.entry("/api/basins/{b}/operator", "operator"),
                Map.entry("/api/basins/{b}/accounts", "accounts"), Map.entry("/api/basins/{b}/loss-rate", "loss-rate"),
                Map.entry("/api/basins/{b}/fund-outlook", "fund-outlook"), Map.entry("/api/basins/{b}/advances", "advances"),
                Map.entry("/api/basins/{b}/advances/{id}", "advance"), Map.entry("/api/basins/{b}/journal", "journal"),
                Map.entry("/api/basins/{b}/journal/reconciliation", "reconciliation"),
                Map.entry("/api/basins/{b}/projects/{id}", "project"), Map.entry("/api/basins/{b}/projects/{id}/history", "project-history"),
                Map.entry("/api/basins/{b}/sessions/{id}", "session"), Map.entry("/api/network/indicators?year={y}&page={p}&size={s}&sort={t}", "network-indicators"),
                Map.entry("/api/network/indicators/series", "network-series"), Map.entry("/api/network/meetings", "meetings"),
                Map.entry("/api/network/meetings/summary?year={y}", "meetings-summary"),
                Map.entry("/api/basins/{b}/users", "basin-users"), Map.entry("/api/basins/{b}/contributions", "contributions"),
                Map.entry("/api/basins/{b}/operating-expenses", "expenses"), Map.entry("/api/basins/{b}/transfers", "transfers"),
                Map.entry("/api/basins/{b}/support-schemes", "support-schemes"),
                Map.entry("/api/basins/{b}/conventions", "conventions"), Map.entry("/api/basins/{b}/conventions/{c}", "convention-draft"));

        volatile String claims;
        /** An answer other than the usual one for a path, for one test. */
        final Map<String, String> recorded = new java.util.concurrent.ConcurrentHashMap<>();
        volatile String unavailable = "";
        /** Paths that answer 404 (nothing there yet), for one test. */
        final java.util.Set<String> missing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile ApiException refusal;
        volatile Object lastBody;
        final List<String> calls = new ArrayList<>();
        final List<String> expandedCalls = new ArrayList<>();
        final List<String> keys = new ArrayList<>();

        RecordedApi(ConsoleSettings settings, OAuth2AuthorizedClientManager clients, JsonMapper json) {
            super(settings, clients, json);
        }

        @Override
        public JsonNode get(String path, Object... variables) {
            calls.add(path);
            expandedCalls.add(expand(path, variables));
            if (missing.contains(path)) {
                throw new ApiException(404, "Introuvable", "Rien à cette adresse.", List.of());
            }
            if (path.startsWith(unavailable) && !unavailable.isEmpty()) {
                throw new ApiException(503, "Service indisponible", "Le service des indicateurs ne répond pas.", List.of());
            }
            String file = recorded.getOrDefault(path, FILES.get(path));
            if (file == null && path.startsWith("/api/basins/{b}/projects?")) {
                file = "projects";
            } else if (file == null && path.startsWith("/api/basins/{b}/organisations")) {
                file = "organisations";
            } else if (file == null && path.startsWith("/api/basins/{b}/people")) {
                file = "people";
            } else if (file == null && path.startsWith("/api/network/users")) {
                file = "network-users";
            } else if (file == null && path.startsWith("/api/network/basins")) {
                file = "network-basins";
            } else if (file == null && path.startsWith("/api/network/outbox/{s}/parked?")) {
                file = "parked";
            }
            boolean paged = false;
            if (file == null && path.contains("?") && FILES.containsKey(path.substring(0, path.indexOf('?')))) {
                // a list the API serves by pages: the recorded list, served as the page asked for
                file = FILES.get(path.substring(0, path.indexOf('?')));
                // a list the API serves whole (accounts at a date) keeps its shape
                paged = path.contains("page=") || path.contains("size=") || path.contains("newestFirst=");
            }
            if (file == null) {
                throw new IllegalStateException("no recorded answer for " + path);
            }
            try (InputStream in = RecordedApi.class.getResourceAsStream("/api/" + file + ".json")) {
                JsonNode recorded = JSON.readTree(in);
                return paged ? page(recorded, expand(path, variables)) : recorded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static JsonNode page(JsonNode all, String query) {
            java.util.Map<String, String> parameters = new java.util.HashMap<>();
            for (String pair : query.substring(query.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            int size = Integer.parseInt(parameters.getOrDefault("size", "50"));
            int page = Integer.parseInt(parameters.getOrDefault("page", "0"));
            List<JsonNode> items = new ArrayList<>();
            all.forEach(items::add);
            if (Boolean.parseBoolean(parameters.get("newestFirst"))) {
                java.util.Collections.reverse(items);
            }
            tools.jackson.databind.node.ObjectNode answer = JSON.createObjectNode();
            tools.jackson.databind.node.ArrayNode slice = answer.putArray("items");
            items.subList(Math.min(items.size(), page * size), Math.min(items.size(), (page + 1) * size)).forEach(slice::add);
            answer.put("page", page).put("size", size).put("totalItems", items.size())
                    .put("totalPages", (items.size() + size - 1) / size);
            return answer;
        }

        private static String expand(String path, Object... variables) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[a-z]+}").matcher(path);
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (m.find()) {
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(String.valueOf(variables[i++])));
            }
            m.appendTail(out);
            return out.toString();
        }

        @Override
        public JsonNode post(String path, Object body, Object... variables) {
            calls.add(path);
            expandedCalls.add(expand(path, variables));
            lastBody = body;
            keys.add(org.alize.console.api.FormKeys.next());
            if (refusal != null) {
                throw refusal;
            }
            String answer = recorded.get("POST " + path);
            return answer == null ? JSON.nullNode() : JSON.readTree(answer);
        }

        @Override
        public JsonNode upload(String path, String contentType, byte[] file, Object... variables) {
            calls.add("UPLOAD " + path);
            expandedCalls.add(expand(path, variables));
            lastBody = new String(file, StandardCharsets.UTF_8) + " as " + contentType;
            if (refusal != null) {
                throw refusal;
            }
            String answer = recorded.get("UPLOAD " + path);
            return answer == null ? JSON.nullNode() : JSON.readTree(answer);
        }

        @Override
        public JsonNode delete(String path, Object... variables) {
            calls.add("DELETE " + path);
            expandedCalls.add(expand(path, variables));
            keys.add(org.alize.console.api.FormKeys.next());
            if (refusal != null) {
                throw refusal;
            }
            return JSON.nullNode();
        }

        @Override
        public JsonNode put(String path, Object body, Object... variables) {
            calls.add(path);
            expandedCalls.add(expand(path, variables));
            lastBody = body;
            keys.add(org.alize.console.api.FormKeys.next());
            if (refusal != null) {
                throw refusal;
            }
            String answer = recorded.get("PUT " + path);
            return answer == null ? JSON.nullNode() : JSON.readTree(answer);
        }

        @Override
        public String accessToken() {
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        }
    }

    @TestConfiguration
    static class Recorded {

        @Bean
        @Primary
        RecordedApi api(ConsoleSettings settings, OAuth2AuthorizedClientManager clients, JsonMapper json) {
            return new RecordedApi(settings, clients, json);
        }
    }
}
