package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.alize.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser, through the gateway, as the people of DEMO.md use it. Every page visited
 * passes axe-core and is saved as a screenshot under {@code target/screenshots/}.
 */
class ConsoleScenarioIT {

    private final LocalStack platform = Platform.get();
    private final URI console = platform.serviceUrls().get("gateway");

    @BeforeAll
    static void browserInstalled() {
        assumeTrue(Browser.available(), "chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)");
    }

    @Test
    void an_operator_works_the_pipeline_and_records_a_repayment_and_the_figures_move() throws Exception {
        try (Browser browser = new Browser("operateur")) {
            browser.open(console);
            browser.logIn("operateur.valenciennois", "alize-demo");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/bassins/valenciennois");
            assertThat(browser.find("h1").getText()).isEqualTo("Bassin du Valenciennois");
            assertThat(browser.text()).contains("À faire maintenant", "Prochain comité d'agrément", "Impayé de");
            browser.check("accueil");

            browser.click("nav a[href$='/projets']");
            assertThat(browser.all(".board .column")).hasSizeGreaterThan(5);
            browser.check("projets");
            new Select(browser.find("#statut")).selectByValue("SUBMITTED"); // htmx asks for the list on change
            browser.waitFor(d -> d.getCurrentUrl().contains("statut=SUBMITTED") && !d.findElements(
                    By.cssSelector("#resultats tbody tr")).isEmpty() && d.findElements(By.cssSelector("#resultats tbody tr"))
                    .stream().allMatch(row -> row.getText().contains("déposé")));

            browser.click("#resultats tbody tr a");
            assertThat(browser.find(".status").getText()).isEqualTo("déposé");
            browser.check("projet-depose");
            browser.click("button[data-action='start-diagnosis']");
            browser.waitFor(d -> d.findElements(By.cssSelector(".alert.success")).size() > 0);
            assertThat(browser.find(".status").getText()).isEqualTo("en diagnostic");
            assertThat(browser.find(".alert.success").getText()).contains("Lancer le diagnostic");
            browser.check("projet-en-diagnostic");

            browser.click("nav a[href$='/finances']");
            browser.check("finances");
            browser.click("a[href$='/soutiens']");
            assertThat(browser.text()).contains("Prêts bonifiés et financements directs");
            browser.check("soutiens");
            browser.click("nav a[href$='/finances']");
            browser.click("table tbody tr td a");
            BigDecimal repaidBefore = euros(browser.find("#rembourse").getText());
            browser.check("avance");
            browser.find("#montant").sendKeys("abc");
            browser.click("form[action$='/remboursements'] button");
            assertThat(browser.find(".alert.failure").getText()).contains("Montant invalide");
            browser.find("#montant").sendKeys("125,50");
            browser.click("form[action$='/remboursements'] button");
            browser.waitFor(d -> d.findElements(By.cssSelector(".alert.success")).size() > 0);
            assertThat(browser.find(".alert.success").getText()).contains("125,50");
            assertThat(euros(browser.find("#rembourse").getText())).isEqualByComparingTo(repaidBefore.add(new BigDecimal("125.50")));
            browser.check("avance-remboursee");

            // a double submit: the same form sent twice at once, as a double click or an impatient second click does
            Object sent = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector("form[action$='/remboursements']");
                    form.querySelector('#montant').value = '10';
                    const body = new URLSearchParams(new FormData(form));
                    const submit = () => fetch(form.action, {method: 'POST', body: body, credentials: 'same-origin'});
                    Promise.all([submit(), submit()]).then(answers => done(answers.map(a => a.status).join(',')),
                        failure => done('failed: ' + failure));
                    """);
            assertThat(String.valueOf(sent)).doesNotContain("failed");
            browser.driver().navigate().refresh();
            assertThat(euros(browser.find("#rembourse").getText())).as("a double submit is one repayment")
                    .isEqualByComparingTo(repaidBefore.add(new BigDecimal("135.50")));

            browser.click("nav a[href$='/finances']");
            browser.click("a[href$='/journal']");
            assertThat(browser.text()).contains("concordants");
            browser.check("journal");

            browser.click("nav a[href$='/finances']");
            browser.click("a[href$='/ressources']");
            browser.check("ressources");
            browser.find("#nouvelle-depense summary").click();
            new Select(browser.find("#categorie")).selectByValue("OPERATOR_REIMBURSEMENT");
            browser.find("#montant-depense").sendKeys("2 500");
            browser.find("#description-depense").sendKeys("Remboursement du second semestre");
            browser.click("form[action$='/depenses'] button");
            assertThat(browser.find(".alert.failure").getText()).as("R-14: 8 000 € already reimbursed this year")
                    .contains("10");
            browser.check("ressources-refus");

            browser.click("nav a[href$='/partenariat']");
            assertThat(browser.all("canvas[data-chart='profile']")).hasSize(1);
            assertThat(browser.text()).contains("Profil des ressources", "Isabelle Roche");
            browser.check("partenariat");
            browser.click("a[href$='/partenaires']");
            browser.check("partenaires");

            browser.click("nav a[href$='/indicateurs']");
            assertThat(browser.all("a[href*='format=xlsx']")).hasSize(1);
            browser.check("indicateurs");

            browser.click("nav a[href$='/utilisateurs']");
            browser.check("utilisateurs");
            browser.find("#nom").sendKeys("Paul Partenaire");
            browser.find("#identifiant").sendKeys("paul.partenaire");
            browser.find("#courriel").sendKeys("paul.partenaire@agro-scarpe.example");
            browser.find("#nouveau-PARTNER").click(); // a checkbox: no new page
            browser.click("form[action$='/utilisateurs'] button");
            assertThat(browser.find(".alert.success").getText()).contains("invitation a été envoyée");
            assertThat(browser.text()).contains("Paul Partenaire", "paul.partenaire", "invité");

            // the basin's CRM gets an API client; its secret is shown once, on the page that answers
            browser.click("nav a[href$='/clients-api']");
            browser.check("clients-api");
            browser.find("#nom-client").sendKeys("CRM du Valenciennois");
            browser.click("form[action$='/clients-api'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Client d'API créé");
            assertThat(browser.text()).contains("Copiez-le maintenant", "basin-valenciennois-", "CRM du Valenciennois", "actif");
            browser.check("clients-api-secret");

            // and a webhook (a receiver on this machine, which the local stack trusts); its secret is shown once too
            browser.click("nav a[href$='/webhooks']");
            browser.check("webhooks");
            browser.find("#adresse-webhook").sendKeys("http://127.0.0.1:9/alize");
            browser.find("#description-webhook").sendKeys("ERP du Valenciennois");
            browser.find("#type-0").click();
            browser.click("form[action$='/webhooks'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Webhook créé");
            assertThat(browser.text()).contains("Copiez-le maintenant", "whsec_", "ERP du Valenciennois", "actif");
            browser.check("webhooks-secret");
            browser.click("td a[href*='/webhooks/']");
            browser.click("form[action$='/ping'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Événement d'essai envoyé");
            assertThat(browser.text()).contains("Journal des livraisons", "alize.webhook.Ping.v1");
            browser.check("webhook");

            // people from the basin's spreadsheet: a preview that says what each row would do, then the import
            browser.click("nav a[href$='/imports']");
            browser.check("imports");
            java.nio.file.Path sheet = java.nio.file.Files.createTempFile("personnes-", ".csv");
            java.nio.file.Files.writeString(sheet, "Prénom;Nom;Courriel;Téléphone;Rattachement;Organisation;Fonction;En activité\n"
                    + "Marc;Importé;marc.importe@astrees.example;;ASTREES;;Chargé de mission;oui\n"
                    + "Luc;Sans;luc.sans@example.fr;;organisation;Société Fantôme;;\n");
            browser.find("#fichier-personnes").sendKeys(sheet.toAbsolutePath().toString());
            browser.click("form[action$='/imports/personnes'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Rien n'est encore enregistré");
            assertThat(browser.text()).contains("1 à créer", "1 refusée(s)", "Société Fantôme", "importez d'abord les partenaires");
            browser.check("import-apercu");
            browser.click("form[action$='/enregistrement'] button");
            assertThat(browser.find(".alert.success").getText()).containsAnyOf("Import enregistré", "Import lancé");
            // written in the background: the page, reloaded, says what each row did once it is done
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                        browser.driver().navigate().refresh();
                        return browser.text().contains("1 créée(s)");
                    });
            assertThat(browser.text()).contains("1 créée(s)", "Importé");

            // a project of 2018 from the same spreadsheets, on its real dates, to project-service
            browser.click("nav a[href$='/imports']");
            browser.click("a[href$='/imports-projets']");
            browser.check("imports-projets");
            java.nio.file.Path past = java.nio.file.Files.createTempFile("projets-", ".csv");
            java.nio.file.Files.writeString(past, "Référence d'origine;Entreprise;Nom du dirigeant;Type de bénéficiaire;"
                    + "Emplois prévus;Date de dépôt;Prescripteur;Date de décision;Décision;Motivation;Procès-verbal\n"
                    + "VAL-2018-031;Tôlerie Ancienne;Lemaire;reprise;3;05/02/2018;isabelle.roche@hainaut-rail.example;"
                    + "20/03/2018;refusé;Repreneur sans apport;PV du 20/03/2018\n");
            browser.find("#fichier-projets").sendKeys(past.toAbsolutePath().toString());
            browser.click("form[action$='/imports-projets/projets'] button");
            assertThat(browser.text()).contains("1 à créer", "refusé le 20/03/2018");
            browser.check("import-projets-apercu");
            browser.click("form[action$='/enregistrement'] button");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                        browser.driver().navigate().refresh();
                        return browser.text().contains("1 créée(s)");
                    });

            // the basin's mails: what was written to whom, and where it stands
            browser.click("nav a[href$='/courriels']");
            assertThat(browser.text()).contains("Courriels du bassin", "Envoyé");
            browser.check("courriels");

            browser.phoneWidth();
            for (String page : new String[] {"", "/projets", "/finances", "/comites", "/partenariat", "/partenaires", "/conventions"}) {
                browser.open(console.resolve("/bassins/valenciennois" + page));
                assertThat(browser.horizontalOverflow()).as("no sideways scrolling of the page at phone width: " + page)
                        .isFalse();
                browser.check("telephone" + page.replace('/', '-'));
            }
        }
    }

    @Test
    void an_operator_takes_a_project_from_submission_to_a_signed_convention_and_the_figures_move() {
        try (Browser browser = new Browser("parcours")) {
            browser.open(console.resolve("/bassins/valenciennois/indicateurs"));
            browser.logIn("operateur.valenciennois", "alize-demo");
            int approvedBefore = approved(browser);

            browser.open(console.resolve("/bassins/valenciennois/projets/nouveau"));
            browser.check("nouveau-projet");
            browser.find("#entreprise").sendKeys("Menuiserie du Parcours");
            browser.find("#commune").sendKeys("Anzin");
            browser.find("#prenom").sendKeys("Léa");
            browser.find("#nom").sendKeys("Parcours");
            browser.find("#besoins").sendKeys("Nouvel atelier et deux embauches");
            browser.find("#montant").sendKeys("15 000");
            browser.find("#emplois").sendKeys("4");
            browser.click("form[action$='/projets'] button[type=submit]");
            assertThat(browser.find("h1").getText()).isEqualTo("Menuiserie du Parcours");
            assertThat(browser.find(".status").getText()).isEqualTo("déposé");

            browser.click("button[data-action='start-diagnosis']");
            browser.find("#synthese").sendKeys("Projet solide, dirigeante expérimentée.");
            browser.find("#qualite").sendKeys("4");
            browser.find("#capacite").sendKeys("4");
            browser.find("#impact").sendKeys("5");
            browser.check("diagnostic");
            browser.click("form[action$='/diagnostic'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Diagnostic enregistré");
            browser.click("button[data-action='mark-ready']");
            assertThat(browser.find(".status").getText()).isEqualTo("prêt pour le comité");

            browser.click("nav a[href$='/comites']");
            browser.check("comites");
            browser.click("form[action$='/comites'] button");
            browser.check("comite-planifie");
            new Select(browser.find("#projet-odj")).selectByVisibleText(
                    browser.find("#projet-odj option:last-child").getText().contains("Parcours")
                            ? browser.find("#projet-odj option:last-child").getText()
                            : browser.all("#projet-odj option").stream().map(WebElement::getText)
                                    .filter(t -> t.contains("Parcours")).findFirst().orElseThrow());
            browser.click("form[action$='/ordre-du-jour'] button");
            browser.all("input[name=present]").forEach(WebElement::click);
            browser.check("comite-presences");
            browser.click("form[action$='/presences'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Présences enregistrées");

            WebElement decision = browser.find("form[action$='/decisions']");
            decision.findElement(By.cssSelector("textarea[name=motivation]")).sendKeys("Création d'emplois durables à Anzin.");
            new Select(decision.findElement(By.cssSelector("select[name=mandataire]"))).selectByIndex(1);
            browser.check("comite-decision");
            browser.click("form[action$='/decisions'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Décision enregistrée");
            browser.click("#clore");
            assertThat(browser.find(".status").getText()).isEqualTo("close");
            browser.check("comite-clos");

            browser.click("a[href*='/projets/'][href]:not([href$='/projets'])");
            assertThat(browser.find(".status").getText()).isEqualTo("agréé");
            browser.check("projet-agree");
            while (!browser.all("form[action$='/signatures'] button").isEmpty()) {
                browser.click("form[action$='/signatures'] button");
                assertThat(browser.find(".alert.success").getText()).contains("Signature enregistrée");
            }
            assertThat(browser.find(".status").getText()).isEqualTo("convention signée");
            assertThat(browser.text()).contains("Télécharger la convention (PDF)");
            browser.check("convention-signee");

            // reporting-service follows the events: the page shows the approval once they have arrived
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                browser.open(console.resolve("/bassins/valenciennois/indicateurs"));
                assertThat(approved(browser)).as("projects approved this year, as the indicators page shows them")
                        .isEqualTo(approvedBefore + 1);
            });
        }
    }

    private static int approved(Browser browser) {
        WebElement row = browser.all("table tbody tr").stream()
                .filter(r -> r.getText().startsWith("Projets agréés")).findFirst().orElseThrow();
        return Integer.parseInt(row.findElements(By.tagName("td")).get(0).getText().trim());
    }

    @Test
    void astrees_reads_the_network_dashboard() {
        try (Browser browser = new Browser("astrees")) {
            browser.open(console.resolve("/reseau"));
            browser.logIn("astrees", "alize-demo");
            assertThat(browser.find("h1").getText()).startsWith("Le réseau en");
            assertThat(browser.text()).contains("Bassin du Valenciennois", "Flandre – Dunkerque", "Totaux et quartiles");
            // the network year by year, and its cohorts
            assertThat(browser.all("canvas[data-chart='series']")).hasSize(2);
            assertThat(browser.text()).contains("Évaluation par cohorte (R-42)");
            browser.check("reseau");
            browser.click("nav a[href$='/reseau/bassins']");
            assertThat(browser.text()).contains("Terres de Lorraine", "Valider ce bassin");
            browser.check("reseau-bassins");
            // a basin's data: what is kept and until when, the purge (not before the retention is over), erasures
            browser.open(console.resolve("/reseau/bassins/valenciennois/donnees"));
            assertThat(browser.text()).contains("Conservation et purge", "La purge n'est possible", "Effacer la personne");
            browser.check("reseau-donnees");
            browser.click("nav a[href$='/reseau/reunions']");
            assertThat(browser.text()).contains("Vie du réseau", "Participation par bassin");
            browser.check("reseau-reunions");
            browser.click("nav a[href$='/reseau/utilisateurs']");
            assertThat(browser.text()).contains("Karim Benali", "operateur.valenciennois");
            browser.check("reseau-comptes");
            browser.click("nav a[href$='/reseau/evenements-bloques']");
            assertThat(browser.text()).contains("Événements bloqués", "Finances", "Aucun événement bloqué.");
            browser.check("reseau-evenements-bloques");
            browser.click("nav a[href$='/reseau/reconstructions']");
            assertThat(browser.text()).contains("Reconstructions des indicateurs", "Lancer une reconstruction");
            browser.check("reseau-reconstructions");
            browser.click("footer a[href$='/accessibilite']");
            assertThat(browser.text()).contains("Déclaration d’accessibilité", "partiellement conforme");
            browser.check("accessibilite");
        }
    }

    @Test
    void a_mandatary_files_a_follow_up_report_on_a_project_of_theirs() {
        try (Browser browser = new Browser("mandataire")) {
            browser.open(console);
            browser.logIn("mandataire.valenciennois", "alize-demo");
            assertThat(browser.find("#mes-projets").getText()).isEqualTo("Les projets dont je suis mandataire");
            assertThat(browser.text()).doesNotContain("À faire maintenant");
            browser.check("accueil");
            java.util.List<String> mine = browser.all("section[aria-labelledby=mes-projets] a").stream()
                    .map(a -> a.getAttribute("href")).toList();
            String withForm = null;
            for (String project : mine) {
                browser.open(URI.create(project));
                browser.screenshot("projet-du-mandataire");
                if (!browser.all("form[action$='/suivis']").isEmpty()) {
                    withForm = project;
                    break;
                }
            }
            assertThat(withForm).as("one of the mandatary's projects is in follow-up").isNotNull();
            assertThat(browser.all("button[data-action]")).as("no operator action for a mandatary").isEmpty();
            browser.check("projet-suivi");
            browser.find("#cdi").clear();
            browser.find("#cdi").sendKeys("2");
            browser.find("#avancement").sendKeys("Atelier installé, deux CDI signés.");
            browser.click("form[action$='/suivis'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Rapport de suivi enregistré");
            assertThat(browser.text()).contains("Atelier installé, deux CDI signés.");
            browser.check("rapport-depose");

            // the mandatary chooses a weekly digest for the committee's decisions
            browser.click("nav a[href$='/mes-courriels']");
            browser.check("mes-courriels");
            browser.find("input[name='choix-PROJECT_DECISION'][value='WEEKLY']").click();
            browser.click("form[action$='/mes-courriels'] button");
            assertThat(browser.find(".alert.success").getText()).contains("préférences de courriels sont enregistrées");
            assertThat(browser.find("input[name='choix-PROJECT_DECISION'][value='WEEKLY']").isSelected()).isTrue();

            // their account: roles per basin, where their mail preferences are, password and second factor
            browser.click("header .who a[href$='/mon-compte']");
            assertThat(browser.text()).contains("Mon compte", "mandataire.valenciennois", "Mes préférences de courriels",
                    "Mes sessions ouvertes", "cette session", "Chrome sous Linux");
            browser.check("mon-compte");
            // closing the others ends the provider's sessions too; this one carries on
            browser.click("form[action$='/sessions/fermeture-des-autres'] button");
            assertThat(browser.find(".alert.success").getText()).containsAnyOf("autre(s) session(s) fermée(s)",
                    "Aucune autre session");
            browser.open(console.resolve("/bassins/valenciennois/mes-courriels"));
            assertThat(browser.text()).contains("Mes courriels", "Enregistrer mes préférences");

            // the local stack's mailbox, where the demo's mails arrived
            browser.open(console.resolve("/dev/mails"));
            assertThat(browser.text()).contains("Courriels de la pile locale", "Convocation : séance n°");
            browser.check("boite-locale");
        }
    }

    @Test
    void a_person_resets_a_forgotten_password_then_turns_on_a_second_factor_and_logs_in_with_its_code() throws Exception {
        URI identity = platform.serviceUrls().get("identity");
        PlatformClient astrees = PlatformClient.as(platform.seedContext().token());
        java.net.http.HttpResponse<String> created = astrees.post(console.resolve("/api/network/users"), """
                {"login":"compte.navigateur","displayName":"Compte Navigateur","email":"compte.navigateur@example.fr",
                 "basins":{"valenciennois":["PARTNER"]}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String invitation = tools.jackson.databind.json.JsonMapper.builder().build().readTree(created.body())
                .path("invitationUrl").asString();
        assertThat(PlatformClient.anonymous().post(identity.resolve("/api/invitations/accept"), "{\"token\":\""
                + invitation.substring(invitation.indexOf("jeton=") + 6) + "\",\"password\":\"le premier mot de passe\"}")
                .statusCode()).isEqualTo(200);
        String newPassword = "un mot de passe retrouvé";
        try (Browser browser = new Browser("compte")) {
            // forgotten: the same answer for an unknown address and a known one; the link comes by mail
            browser.open(console);
            browser.click("a[href$='/mot-de-passe-oublie']");
            browser.check("mot-de-passe-oublie");
            browser.find("#email").sendKeys("personne.inconnue@example.fr");
            browser.click("button[type=submit]");
            String answer = browser.find("p.info").getText();
            browser.open(identity.resolve("/mot-de-passe-oublie"));
            browser.find("#email").sendKeys("compte.navigateur@example.fr");
            browser.click("button[type=submit]");
            assertThat(browser.find("p.info").getText()).isEqualTo(answer);
            String link = mailedLink(browser, "/mot-de-passe/nouveau");
            browser.open(URI.create(link));
            assertThat(browser.text()).contains("Choisir un nouveau mot de passe", "compte.navigateur");
            browser.check("nouveau-mot-de-passe");
            browser.find("#password").sendKeys(newPassword);
            browser.find("#confirmation").sendKeys(newPassword);
            browser.click("button[type=submit]");
            browser.open(console);
            browser.logIn("compte.navigateur", newPassword);
            assertThat(browser.text()).contains("Compte Navigateur");

            // the second factor, turned on from « Mon compte »: the key, a code, the recovery codes once
            browser.click("header .who a[href$='/mon-compte']");
            browser.click("a[href$='/connexion/configuration']");
            assertThat(browser.text()).contains("Configurer la double authentification", "chaque connexion vous demandera");
            browser.check("double-authentification");
            String key = browser.find("#cle").getText().replace(" ", "");
            long step = java.time.Instant.now().getEpochSecond() / 30;
            browser.find("#code").sendKeys(totp(key, step));
            browser.click("button[type=submit]");
            assertThat(browser.all("#codes-de-secours li")).hasSize(10);
            browser.check("codes-de-secours");
            browser.click("#continuer");
            assertThat(browser.text()).contains("Mon compte");

            // signed out, the login asks for the code now; the one already used is refused, the next one opens
            browser.click("form[action$='/deconnexion'] button");
            browser.open(console);
            browser.logIn("compte.navigateur", newPassword);
            assertThat(browser.driver().getCurrentUrl()).contains("/connexion/code");
            browser.check("code-de-connexion");
            browser.find("#code").sendKeys(totp(key, step));
            browser.click("button[type=submit]");
            assertThat(browser.text()).contains("Code incorrect ou déjà utilisé");
            browser.find("#code").sendKeys(totp(key, java.time.Instant.now().getEpochSecond() / 30 + 1));
            browser.click("button[type=submit]");
            assertThat(browser.driver().getCurrentUrl()).startsWith(console.toString());
            assertThat(browser.text()).contains("Compte Navigateur");

            // their name and their address, from « Mon compte »: the name at once, the address once confirmed from it
            browser.click("header .who a[href$='/mon-compte']");
            browser.find("#nom").clear();
            browser.find("#nom").sendKeys("Compte Renommé");
            browser.click("form[action$='/mon-compte/nom'] button");
            assertThat(browser.find(".alert.success").getText()).contains("Votre nom est changé");
            assertThat(browser.find("header .who").getText()).contains("Compte Renommé");
            browser.find("#adresse").sendKeys("compte.renomme@example.fr");
            browser.find("#mot-de-passe").sendKeys(newPassword);
            browser.click("form[action$='/mon-compte/adresse'] button");
            assertThat(browser.text()).contains("Un lien de confirmation a été envoyé", "Nouvelle adresse en attente",
                    "compte.renomme@example.fr");
            browser.check("mon-compte-adresse-en-attente");
            String confirmation = mailedLink(browser, "/adresse/confirmation");
            browser.open(URI.create(confirmation));
            assertThat(browser.text()).contains("Confirmer votre nouvelle adresse", "compte.renomme@example.fr");
            browser.check("confirmer-adresse");
            browser.click("button[type=submit]");
            assertThat(browser.text()).contains("est désormais", "compte.renomme@example.fr");
            browser.open(console.resolve("/mon-compte"));
            assertThat(browser.find("main dl").getText()).contains("compte.renomme@example.fr", "Compte Renommé")
                    .doesNotContain("en attente");
        }
    }

    /** The first link to the provider's {@code page} (with its token) in the local stack's mailbox, once a mail has it. */
    private String mailedLink(Browser browser, String page) {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\S+" + java.util.regex.Pattern.quote(page)
                + "\\?jeton=[\\w-]+");
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open(console.resolve("/dev/mails"));
            java.util.regex.Matcher found = link.matcher(browser.text());
            return found.find() ? found.group() : null;
        }, java.util.Objects::nonNull);
    }

    /** RFC 6238 as the authenticator application computes it: HMAC-SHA1 of the 30-second step, six digits. */
    private static String totp(String base32Key, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32Key.replace("=", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.toByteArray(), "HmacSHA1"));
        byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    @Test
    void someone_of_one_basin_cannot_open_a_page_of_another() {
        try (Browser browser = new Browser("dunkerque")) {
            browser.open(console);
            browser.logIn("operateur.dunkerque", "alize-demo");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/bassins/flandre-dunkerque");
            browser.check("accueil");

            browser.open(console.resolve("/bassins/valenciennois/projets"));
            assertThat(browser.find("h1").getText()).isEqualTo("Page introuvable");
            assertThat(browser.text()).doesNotContain("Boulangerie Scarpe", "Hainaut Rail", "Karim Benali");
            browser.check("autre-bassin");
            for (WebElement link : browser.all("nav a")) {
                assertThat(link.getAttribute("href")).doesNotContain("valenciennois");
            }

            browser.click("form.logout button");
            browser.open(console.resolve("/bassins/flandre-dunkerque"));
            assertThat(browser.driver().getTitle()).as("logged out here and at the provider").contains("Connexion");
        }
    }

    private static BigDecimal euros(String text) {
        return new BigDecimal(text.replace("€", "").replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.'));
    }
}
