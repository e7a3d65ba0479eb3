package org.alize.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.PersonRecorded;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.testing.ApiClient;
import org.alize.testing.OidcBrowser;
import org.alize.testing.WithAlizeInfra;
import org.alize.testing.contract.EventContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service as a browser, a client application and ASTREES use it: invitations, the authorization
 * code flow with PKCE through the French login page, client credentials, refresh, lock-out, grants by
 * ASTREES and by an operator, key rotation, and roles following committee appointments.
 */
@WithAlizeInfra
@SpringBootTest(classes = IdentityServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "alize.tenancy.database-prefix=identityit",
                "alize.identity.consumer-group=identity-it",
                "alize.identity.keys.encryption-password=an-encryption-password-for-tests",
                "alize.identity.password-cost=4",
                "alize.identity.lockout.max-failures=3",
                "alize.identity.second-factor.required-roles=NETWORK_ADMIN",
                "alize.identity.clients.console.secret={noop}console-secret",
                "alize.identity.clients.console.grant-types=authorization_code,refresh_token",
                "alize.identity.clients.console.redirect-uris=http://localhost:8080/login/oauth2/code/alize",
                "alize.identity.clients.seeder.secret={noop}seeder-secret",
                "alize.identity.clients.seeder.grant-types=client_credentials",
                "alize.identity.clients.seeder.network-roles=NETWORK_ADMIN",
                "alize.identity.dev-tokens.enabled=true"})
class IdentityIT {

    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/alize";
    static final int PORT = freePort();
    static final URI ISSUER = URI.create("http://localhost:" + PORT);

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("alize.identity.issuer", ISSUER::toString);
    }

    @Autowired
    CloudEventPublisher publisher;
    /** identity's network database (where the API clients are). */
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired
    JsonMapper json;
    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean
    org.alize.identity.account.InvitationSender sender;

    /** ASTREES' administration, as the seeder client (network role NETWORK_ADMIN). */
    static ApiClient astrees() {
        return ApiClient.on(ISSUER).as(OidcBrowser.clientCredentials(ISSUER, "seeder", "seeder-secret").accessToken());
    }

    @Test
    void the_development_endpoint_signs_a_personas_token_with_the_providers_own_key_and_the_stack_accepts_it() {
        org.alize.testing.TestIssuer persona = org.alize.testing.TestIssuer.signedBy(ISSUER.resolve("/dev/tokens"),
                ISSUER.toString(), ISSUER + "/oauth2/jwks");

        String token = persona.token("operateur.demo").basin("valenciennois", "OPERATOR").sign();

        org.springframework.security.oauth2.jwt.Jwt jwt = org.springframework.security.oauth2.jwt.NimbusJwtDecoder
                .withJwkSetUri(ISSUER + "/oauth2/jwks").build().decode(token);
        assertThat(jwt.getSubject()).isEqualTo("operateur.demo");
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER.toString());
        assertThat(jwt.getClaimAsMap("basins")).containsKey("valenciennois");
        assertThat(ApiClient.on(ISSUER).as(token).get("/api/basins/valenciennois/users").status()).isEqualTo(200);
        // what a security test needs: an expired token, signed all the same, is refused by the services
        String expired = persona.token("operateur.demo").basin("valenciennois", "OPERATOR").expired().sign();
        assertThat(ApiClient.on(ISSUER).as(expired).get("/api/basins/valenciennois/users").status()).isEqualTo(401);
    }

    @Test
    void a_client_gets_a_token_with_its_own_grants_for_the_platform_audience() {
        OidcBrowser.Tokens tokens = OidcBrowser.clientCredentials(ISSUER, "seeder", "seeder-secret");

        JsonNode claims = OidcBrowser.claims(tokens.accessToken());
        assertThat(claims.path("sub").asString()).isEqualTo("seeder");
        assertThat(claims.path("iss").asString()).isEqualTo(ISSUER.toString());
        assertThat(claims.path("aud").toString()).contains("\"alize\"");
        assertThat(claims.path("network_roles").toString()).isEqualTo("[\"NETWORK_ADMIN\"]");
        assertThat(tokens.refreshToken()).as("no refresh token for client credentials").isNull();
        assertThat(OidcBrowser.tokenResponse(ISSUER, "seeder", "wrong", Map.of("grant_type", "client_credentials"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void an_invited_person_chooses_a_password_then_logs_in_with_code_and_pkce_and_refreshes() {
        String invitation = invite("karim.benali", "valenciennois", "OPERATOR");
        acceptByPage(invitation, "une phrase de passe solide");

        OidcBrowser.Tokens tokens = new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "karim.benali",
                "une phrase de passe solide");

        JsonNode claims = OidcBrowser.claims(tokens.accessToken());
        assertThat(claims.path("sub").asString()).isEqualTo("karim.benali");
        assertThat(claims.path("aud").toString()).contains("\"alize\"");
        assertThat(claims.path("basins").path("valenciennois").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(OidcBrowser.claims(tokens.idToken()).path("name").asString()).isEqualTo("Karim Benali");
        assertThat(ApiClient.on(ISSUER).as(tokens.accessToken()).get("/api/basins/valenciennois/users").status())
                .isEqualTo(200);

        OidcBrowser.Tokens refreshed = OidcBrowser.refresh(ISSUER, "console", "console-secret", tokens.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(ApiClient.on(ISSUER).as(refreshed.accessToken()).get("/api/basins/valenciennois/users").status())
                .isEqualTo(200);
        assertThat(OidcBrowser.tokenResponse(ISSUER, "console", "console-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refreshToken())).statusCode()).as("a used refresh token is spent").isEqualTo(400);
        // replaying it betrays a copy: the whole family goes, the successor and the access tokens with it
        assertThat(OidcBrowser.tokenResponse(ISSUER, "console", "console-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshed.refreshToken())).statusCode()).as("the successor is revoked").isEqualTo(400);
        assertThat(ApiClient.on(ISSUER).as(refreshed.accessToken()).get("/api/basins/valenciennois/users").status())
                .as("the family's access token").isEqualTo(401);
        assertThat(ApiClient.on(ISSUER).get("/revocations").body()).contains(org.alize.kernel.Digests
                .sha256Hex("karim.benali")).doesNotContain("karim.benali\"");
    }

    @Test
    @DisplayName("R-03: an operator gives the basin's own systems API clients — that basin only, read or write, the secret shown once, renewed, revoked, expired — and never a person the clients' role")
    void a_basin_api_client_gets_tokens_for_its_basin_only_until_renewed_revoked_or_expired() {
        org.alize.testing.TestIssuer persona = persona();
        ApiClient operator = ApiClient.on(ISSUER).as(persona.token("op.api").basin("apibasin", "OPERATOR").sign());
        ApiClient.Response created = operator.post("/api/basins/apibasin/api-clients",
                "{\"name\":\"CRM du bassin\",\"access\":\"READ\",\"validDays\":30}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String reader = created.json().get("clientId").asString();
        String readerSecret = created.json().get("secret").asString();
        assertThat(reader).startsWith("basin-apibasin-");
        assertThat(readerSecret).hasSizeGreaterThanOrEqualTo(40);

        JsonNode claims = OidcBrowser.claims(OidcBrowser.clientCredentials(ISSUER, reader, readerSecret).accessToken());
        assertThat(claims.path("sub").asString()).isEqualTo(reader);
        assertThat(claims.path("aud").toString()).contains("\"alize\"");
        assertThat(claims.path("basins").toString()).isEqualTo("{\"apibasin\":[\"INTEGRATION\"]}");
        assertThat(claims.path("network_roles").toString()).isEqualTo("[]");
        String listed = operator.get("/api/basins/apibasin/api-clients").body();
        assertThat(listed).contains(reader, "\"status\":\"ACTIVE\"", "CRM du bassin").doesNotContain(readerSecret, "secretHash", "$2a$");

        // read-write: the operator's rights in that basin, and only there
        ApiClient.Response writer = operator.post("/api/basins/apibasin/api-clients", "{\"name\":\"Tableur\",\"access\":\"WRITE\"}");
        String writerId = writer.json().get("clientId").asString();
        String writerToken = OidcBrowser.clientCredentials(ISSUER, writerId, writer.json().get("secret").asString()).accessToken();
        assertThat(OidcBrowser.claims(writerToken).path("basins").toString())
                .isEqualTo("{\"apibasin\":[\"INTEGRATION\",\"OPERATOR\"]}");
        assertThat(Instant.parse(writer.json().get("expiresAt").asString())).isAfter(Instant.now().plus(Duration.ofDays(89)));
        assertThat(ApiClient.on(ISSUER).as(writerToken).get("/api/basins/apibasin/users").status()).isEqualTo(200);
        assertThat(ApiClient.on(ISSUER).as(writerToken).get("/api/basins/otherbasin/users").status()).isEqualTo(404);

        // another basin's operator neither sees nor revokes them; a committee member cannot manage them
        ApiClient other = ApiClient.on(ISSUER).as(persona.token("op.other").basin("otherbasin", "OPERATOR").sign());
        assertThat(other.get("/api/basins/otherbasin/api-clients").body()).doesNotContain(reader);
        assertThat(other.delete("/api/basins/otherbasin/api-clients/" + reader).status()).isEqualTo(404);
        assertThat(ApiClient.on(ISSUER).as(persona.token("member.api").basin("apibasin", "COMMITTEE_MEMBER").sign())
                .post("/api/basins/apibasin/api-clients", "{\"name\":\"x\",\"access\":\"READ\"}").status()).isEqualTo(403);
        // bounds, in French, nothing written
        ApiClient.Response bad = operator.post("/api/basins/apibasin/api-clients",
                "{\"name\":\"" + "x".repeat(101) + "\",\"validDays\":366}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"name\"", "\"access\"", "\"validDays\"", "jours");
        assertThat(operator.post("/api/basins/apibasin/api-clients", "{\"name\":\"x\",\"access\":\"ADMIN\"}").status())
                .isEqualTo(400);
        assertThat(operator.get("/api/basins/apibasin/api-clients").json().get("items").size()).isEqualTo(2);
        assertThat(operator.get("/api/basins/apibasin/api-clients?size=1&page=1").json().get("items").size()).isEqualTo(1);
        assertThat(operator.get("/api/basins/apibasin/api-clients?size=201").status()).isEqualTo(400);
        // a person is never given the clients' role
        assertThat(operator.post("/api/basins/apibasin/users", "{\"login\":\"robot.crm\",\"displayName\":\"Robot\","
                + "\"email\":\"robot@example.org\",\"roles\":[\"INTEGRATION\"]}").status()).isEqualTo(400);

        // a new secret: the former one and its tokens stop
        ApiClient.Response renewed = operator.post("/api/basins/apibasin/api-clients/" + writerId + "/secret", "{\"validDays\":7}");
        assertThat(renewed.status()).isEqualTo(201);
        assertThat(OidcBrowser.tokenResponse(ISSUER, writerId, writer.json().get("secret").asString(),
                Map.of("grant_type", "client_credentials")).statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).until(() -> ApiClient.on(ISSUER).as(writerToken)
                .get("/api/basins/apibasin/users").status() == 401);
        String renewedSecret = renewed.json().get("secret").asString();
        assertThat(OidcBrowser.clientCredentials(ISSUER, writerId, renewedSecret).accessToken()).isNotBlank();
        // revoked: no more tokens, listed as such
        assertThat(operator.delete("/api/basins/apibasin/api-clients/" + writerId).status()).isEqualTo(204);
        assertThat(OidcBrowser.tokenResponse(ISSUER, writerId, renewedSecret, Map.of("grant_type", "client_credentials"))
                .statusCode()).isEqualTo(401);
        assertThat(operator.get("/api/basins/apibasin/api-clients").body()).contains("\"status\":\"REVOKED\"");
        assertThat(operator.post("/api/basins/apibasin/api-clients/" + writerId + "/secret", "{}").status()).isEqualTo(409);
        // expired: refused at its expiry, whatever the secret
        org.alize.tenancy.BasinContext.callInNetwork(() -> mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(reader)),
                org.springframework.data.mongodb.core.query.Update.update("expiresAt", Instant.now().minusSeconds(1)),
                "api_clients"));
        assertThat(OidcBrowser.tokenResponse(ISSUER, reader, readerSecret, Map.of("grant_type", "client_credentials"))
                .statusCode()).isEqualTo(401);
        assertThat(operator.get("/api/basins/apibasin/api-clients").body()).contains("\"status\":\"EXPIRED\"");
    }

    /** Tokens of any persona, signed by the provider's development endpoint. */
    private static org.alize.testing.TestIssuer persona() {
        return org.alize.testing.TestIssuer.signedBy(ISSUER.resolve("/dev/tokens"), ISSUER.toString(), ISSUER + "/oauth2/jwks");
    }

    @Test
    @DisplayName("R-03: a basin has at most 20 active API clients")
    void a_basin_has_at_most_twenty_active_api_clients() {
        org.alize.testing.TestIssuer persona = persona();
        ApiClient operator = ApiClient.on(ISSUER).as(persona.token("op.many").basin("manyclients", "OPERATOR").sign());
        for (int i = 0; i < 20; i++) {
            assertThat(operator.post("/api/basins/manyclients/api-clients", "{\"name\":\"c" + i + "\",\"access\":\"READ\"}")
                    .status()).isEqualTo(201);
        }
        ApiClient.Response refused = operator.post("/api/basins/manyclients/api-clients", "{\"name\":\"c21\",\"access\":\"READ\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("20 clients d'API actifs");
    }

    @Test
    void the_login_page_is_french_and_says_why_a_login_fails() {
        OidcBrowser browser = new OidcBrowser(ISSUER);
        String page = browser.get(ISSUER.resolve("/login")).body();
        assertThat(page).contains("lang=\"fr\"", "<label for=\"username\">Identifiant</label>", "Se connecter");

        assertThatThrownBy(() -> browser.login("console", "console-secret", REDIRECT, "personne", "mauvais mot de passe"))
                .isInstanceOfSatisfying(OidcBrowser.LoginRefused.class,
                        refused -> assertThat(refused.page()).contains("Identifiant ou mot de passe incorrect."));
    }

    @Test
    void repeated_wrong_passwords_lock_the_account_until_astrees_unlocks_it() {
        acceptByApi(invite("sophie.vasseur", "flandre-dunkerque", "OPERATOR"), "mot de passe de sophie");
        OidcBrowser browser = new OidcBrowser(ISSUER);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> browser.login("console", "console-secret", REDIRECT, "sophie.vasseur", "pas le bon mot"))
                    .isInstanceOf(OidcBrowser.LoginRefused.class);
        }

        assertThatThrownBy(() -> browser.login("console", "console-secret", REDIRECT, "sophie.vasseur", "mot de passe de sophie"))
                .isInstanceOfSatisfying(OidcBrowser.LoginRefused.class,
                        refused -> assertThat(refused.page()).contains("verrouillé"));
        assertThat(astrees().get("/api/network/users/sophie.vasseur").json().path("locked").asBoolean()).isTrue();

        assertThat(astrees().post("/api/network/users/sophie.vasseur/unlock", "{}").status()).isEqualTo(200);
        assertThat(browser.login("console", "console-secret", REDIRECT, "sophie.vasseur", "mot de passe de sophie")
                .accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("R-03 an operator grants roles in its own basin only, and never the operator role")
    void r03_operator_grants_in_its_own_basin_only() {
        acceptByApi(invite("op.sambre", "sambre-avesnois", "OPERATOR"), "le mot de passe de op");
        ApiClient operator = ApiClient.on(ISSUER).as(new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT,
                "op.sambre", "le mot de passe de op").accessToken());

        ApiClient.Response created = operator.post("/api/basins/sambre-avesnois/users", """
                {"login":"membre.sambre","displayName":"Nadia Membre","email":"nadia@sambre.example","roles":["COMMITTEE_MEMBER"]}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("roles").toString()).isEqualTo("[\"COMMITTEE_MEMBER\"]");

        ApiClient.Response operatorRole = operator.put("/api/basins/sambre-avesnois/users/membre.sambre/roles",
                "{\"roles\":[\"COMMITTEE_MEMBER\",\"OPERATOR\"]}");
        assertThat(operatorRole.status()).isEqualTo(422);
        assertThat(operatorRole.json().path("rule").asString()).isEqualTo("R-03");
        assertThat(operator.get("/api/basins/valenciennois/users").status()).as("another basin").isEqualTo(404);
        assertThat(operator.get("/api/network/users").status()).as("network level").isEqualTo(403);

        ApiClient.Response byAstrees = astrees().put("/api/network/users/membre.sambre/basins/sambre-avesnois",
                "{\"roles\":[\"COMMITTEE_MEMBER\",\"OPERATOR\"]}");
        assertThat(byAstrees.status()).isEqualTo(200);
        assertThat(byAstrees.json().path("basins").path("sambre-avesnois").toString())
                .isEqualTo("[\"OPERATOR\",\"COMMITTEE_MEMBER\"]");
    }

    @Test
    void an_operator_can_neither_read_nor_change_nor_reinvite_an_account_of_another_basin() {
        acceptByApi(invite("op.thierache", "thierache", "OPERATOR"), "le mot de passe de op");
        invite("op.boulonnais", "boulonnais", "OPERATOR");
        ApiClient operator = ApiClient.on(ISSUER).as(new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT,
                "op.thierache", "le mot de passe de op").accessToken());

        ApiClient.Response grant = operator.put("/api/basins/thierache/users/op.boulonnais/roles",
                "{\"roles\":[\"COMMITTEE_MEMBER\"]}");
        ApiClient.Response reinvite = operator.post("/api/basins/thierache/users/op.boulonnais/invitation", "");
        ApiClient.Response unknown = operator.put("/api/basins/thierache/users/personne.inconnue/roles",
                "{\"roles\":[\"COMMITTEE_MEMBER\"]}");

        assertThat(grant.status()).isEqualTo(404);
        assertThat(reinvite.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(grant.json().path("detail").asString()).isEqualTo(unknown.json().path("detail").asString()
                .replace("personne.inconnue", "op.boulonnais"));
        assertThat(grant.body() + reinvite.body()).doesNotContain("@example.fr").doesNotContain("Op boulonnais")
                .doesNotContain("lastLogin");
        ApiClient.Response untouched = astrees().get("/api/network/users/op.boulonnais");
        assertThat(untouched.json().path("basins").toString()).isEqualTo("{\"boulonnais\":[\"OPERATOR\"]}");
    }

    @Test
    void someone_with_an_account_elsewhere_is_invited_to_join_and_the_operator_learns_nothing_of_that_account() {
        acceptByApi(invite("nomade.existant", "avesnois", "PARTNER"), "le mot de passe du nomade");
        acceptByApi(invite("op.bocage", "bocage", "OPERATOR"), "le mot de passe de op");
        ApiClient operator = ApiClient.on(ISSUER).as(new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT,
                "op.bocage", "le mot de passe de op").accessToken());

        ApiClient.Response known = operator.post("/api/basins/bocage/users", """
                {"login":"nomade.bocage","displayName":"Nomade du Bocage","email":"nomade.existant@example.fr",
                 "roles":["COMMITTEE_MEMBER"]}""");
        ApiClient.Response fresh = operator.post("/api/basins/bocage/users", """
                {"login":"nouveau.bocage","displayName":"Nouveau du Bocage","email":"nouveau.bocage@example.fr",
                 "roles":["COMMITTEE_MEMBER"]}""");

        assertThat(known.status()).as(known.body()).isEqualTo(201);
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(known.json().propertyNames()).containsExactlyElementsOf(fresh.json().propertyNames());
        assertThat(known.json().path("login").asString()).isEqualTo("nomade.bocage");
        assertThat(known.json().path("status").asString()).isEqualTo(fresh.json().path("status").asString());
        assertThat(known.body()).doesNotContain("nomade.existant\"").doesNotContain("avesnois").doesNotContain("Nomade existant");
        assertThat(astrees().get("/api/network/users/nomade.existant").json().path("basins").has("bocage"))
                .as("nothing granted before the holder accepts").isFalse();

        org.mockito.ArgumentCaptor<String> link = org.mockito.ArgumentCaptor.forClass(String.class);
        org.mockito.Mockito.verify(sender).sendBasinInvitation(org.mockito.ArgumentMatchers.argThat(
                        holder -> holder.login().equals("nomade.existant")), org.mockito.ArgumentMatchers.eq(
                        org.alize.tenancy.BasinId.of("bocage")), org.mockito.ArgumentMatchers.any(), link.capture(),
                org.mockito.ArgumentMatchers.any());
        OidcBrowser holder = new OidcBrowser(ISSUER);
        holder.login("console", "console-secret", REDIRECT, "nomade.existant", "le mot de passe du nomade");
        String page = holder.get(URI.create(link.getValue())).body();
        assertThat(page).contains("Rejoindre un bassin").contains("bocage").contains("COMMITTEE_MEMBER");
        String token = link.getValue().substring(link.getValue().indexOf("jeton=") + 6);
        String done = holder.post(URI.create(ISSUER + "/rejoindre"), page, "jeton=" + token).body();

        assertThat(done).contains("Vous participez désormais au bassin");
        assertThat(astrees().get("/api/network/users/nomade.existant").json().path("basins").path("bocage").toString())
                .contains("COMMITTEE_MEMBER");
        assertThat(holder.post(URI.create(ISSUER + "/rejoindre"), page, "jeton=" + token).body())
                .as("a link serves once").contains("pas valable");
    }

    @Test
    void bad_requests_get_french_problems_and_write_nothing() {
        ApiClient.Response invalid = astrees().post("/api/network/users",
                "{\"login\":\"X\",\"displayName\":\"\",\"email\":\"pas-une-adresse\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("login", "displayName", "email");

        invite("doublon", "valenciennois", "PARTNER");
        ApiClient.Response duplicate = astrees().post("/api/network/users",
                "{\"login\":\"doublon\",\"displayName\":\"Doublon\",\"email\":\"autre@example.fr\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(astrees().get("/api/network/users/inconnu").status()).isEqualTo(404);
        ApiClient.Response unknownRole = astrees().put("/api/network/users/doublon/network-roles", "{\"roles\":[\"ROI\"]}");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.isProblem()).isTrue();
        assertThat(astrees().get("/api/network/users/doublon").json().path("networkRoles").size()).isZero();
        assertThat(ApiClient.on(ISSUER).get("/api/network/users").status()).isEqualTo(401);
        assertThat(ApiClient.on(ISSUER).post("/api/invitations/accept", "{\"token\":\"faux\",\"password\":\"abcdefghijklmnop\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void a_disabled_account_can_neither_log_in_nor_refresh() {
        acceptByApi(invite("depart", "valenciennois", "PARTNER"), "un mot de passe qui part");
        OidcBrowser.Tokens tokens = new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "depart",
                "un mot de passe qui part");

        assertThat(ApiClient.on(ISSUER).as(tokens.accessToken()).get("/api/basins/valenciennois/users").status())
                .isIn(200, 403);
        assertThat(astrees().post("/api/network/users/depart/disable", "{\"reason\":\"a quitté l'entreprise\"}").status())
                .isEqualTo(200);

        assertThat(ApiClient.on(ISSUER).as(tokens.accessToken()).get("/api/basins/valenciennois/users").status())
                .as("the access token still unexpired").isEqualTo(401);

        assertThat(OidcBrowser.tokenResponse(ISSUER, "console", "console-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refreshToken())).statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "depart",
                "un mot de passe qui part")).isInstanceOfSatisfying(OidcBrowser.LoginRefused.class,
                refused -> assertThat(refused.page()).contains("pas actif"));
    }

    @Test
    void a_rotated_key_keeps_earlier_tokens_valid_and_signs_the_next_ones() {
        String before = OidcBrowser.clientCredentials(ISSUER, "seeder", "seeder-secret").accessToken();
        String oldKid = OidcBrowser.header(before).path("kid").asString();

        ApiClient.Response rotated = ApiClient.on(ISSUER).as(before).post("/api/network/signing-keys/rotate", "{}");
        assertThat(rotated.status()).isEqualTo(200);

        String after = OidcBrowser.clientCredentials(ISSUER, "seeder", "seeder-secret").accessToken();
        String newKid = OidcBrowser.header(after).path("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        String jwks = ApiClient.on(ISSUER).get("/oauth2/jwks").body();
        assertThat(jwks).contains(oldKid, newKid).doesNotContain("\"d\"");
        assertThat(ApiClient.on(ISSUER).as(before).get("/api/network/users").status()).isEqualTo(200);
        assertThat(ApiClient.on(ISSUER).as(after).get("/api/network/users").status()).isEqualTo(200);
    }

    @Test
    void people_appointed_to_a_committee_are_invited_and_lose_the_role_when_the_seat_ends() {
        String basin = "terres-de-lorraine";
        publish(basin, BasinEvents.PERSON_RECORDED, "per-lucie", 1, new PersonRecorded(basin, "per-lucie", "Lucie",
                "Marchal", "lucie.marchal@lorraine.example", null, "org-x", "ORGANISATION", null, true, Instant.now(), "op"));
        ApprovalCommitteeChanged.Member seat = new ApprovalCommitteeChanged.Member("m-1", "per-lucie", "Lucie Marchal",
                "org-x", "PARTNER_COMPANY", "PARTNER_REPRESENTATIVE", true, LocalDate.of(2026, 1, 1), null);
        publish(basin, BasinEvents.APPROVAL_COMMITTEE_CHANGED, "approval", 1, new ApprovalCommitteeChanged(basin,
                List.of(seat), List.of(), "MAJORITY_OF_VOTING_MEMBERS", null, "APPOINTED", Instant.now(), "op"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode account = astrees().get("/api/network/users/lucie.marchal").json();
            assertThat(account.path("status").asString()).isEqualTo("INVITED");
            assertThat(account.path("appointedBasinRoles").path(basin).toString()).isEqualTo("[\"COMMITTEE_MEMBER\"]");
        });

        ApprovalCommitteeChanged.Member ended = new ApprovalCommitteeChanged.Member("m-1", "per-lucie", "Lucie Marchal",
                "org-x", "PARTNER_COMPANY", "PARTNER_REPRESENTATIVE", true, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
        publish(basin, BasinEvents.APPROVAL_COMMITTEE_CHANGED, "approval", 2, new ApprovalCommitteeChanged(basin,
                List.of(ended), List.of(), "MAJORITY_OF_VOTING_MEMBERS", null, "ENDED", Instant.now(), "op"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(astrees().get("/api/network/users/lucie.marchal").json().path("basins").has(basin)).isFalse());
    }

    @Test
    @DisplayName("A forgotten password is set again through the mailed link: same answer for any address, once per link, every session ended")
    void a_forgotten_password_is_set_again_through_the_mailed_link_once_and_ends_every_session() {
        acceptByPage(invite("ines.moreau", "valenciennois", "OPERATOR"), "mon ancienne phrase de passe");
        OidcBrowser signedIn = new OidcBrowser(ISSUER);
        OidcBrowser.Tokens before = signedIn.login("console", "console-secret", REDIRECT, "ines.moreau",
                "mon ancienne phrase de passe");
        assertThat(signedIn.get(ISSUER.resolve("/rejoindre?jeton=aucun")).statusCode()).as("signed in").isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "ines.moreau",
                    "une mauvaise phrase de passe")).isInstanceOf(OidcBrowser.LoginRefused.class);
        }

        // nobody learns whether an address has an account: the same answer, and a mail only to a holder
        ApiClient.Response unknown = ApiClient.on(ISSUER).post("/api/password-resets", "{\"email\":\"personne@example.fr\"}");
        ApiClient.Response known = ApiClient.on(ISSUER).post("/api/password-resets", "{\"email\":\" Ines.Moreau@example.fr \"}");
        assertThat(known.status()).as(known.body()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        OidcBrowser forgetful = new OidcBrowser(ISSUER);
        String form = forgetful.get(ISSUER.resolve("/mot-de-passe-oublie")).body();
        assertThat(forgetful.post(ISSUER.resolve("/mot-de-passe-oublie"), form, "email=ines.moreau%40example.fr").body())
                .as("asked again at once: the same answer, no second mail").contains("Si un compte actif correspond");
        org.mockito.ArgumentCaptor<String> link = org.mockito.ArgumentCaptor.forClass(String.class);
        org.mockito.Mockito.verify(sender, org.mockito.Mockito.timeout(5_000)).sendPasswordReset(
                org.mockito.ArgumentMatchers.argThat(account -> account.login().equals("ines.moreau")), link.capture(),
                org.mockito.ArgumentMatchers.any());
        assertThat(link.getValue()).startsWith(ISSUER + "/mot-de-passe/nouveau?jeton=");

        OidcBrowser browser = new OidcBrowser(ISSUER);
        String page = browser.get(URI.create(link.getValue())).body();
        assertThat(page).contains("Choisir un nouveau mot de passe").contains("ines.moreau");
        String token = link.getValue().substring(link.getValue().indexOf("jeton=") + 6);
        assertThat(browser.post(ISSUER.resolve("/mot-de-passe/nouveau"), page, "jeton=" + token
                + "&password=ines.moreau+partout&confirmation=ines.moreau+partout").body())
                .as("the password rules hold here too").contains("ne doit pas contenir l&#39;identifiant");
        HttpResponse<String> set = browser.post(ISSUER.resolve("/mot-de-passe/nouveau"), page, "jeton=" + token
                + "&password=ma+nouvelle+phrase+de+passe&confirmation=ma+nouvelle+phrase+de+passe");
        assertThat(set.headers().firstValue("Location").orElse("")).endsWith("/login?reinitialise");

        assertThat(browser.get(URI.create(link.getValue())).body()).as("a link serves once").contains("a déjà servi");
        assertThat(ApiClient.on(ISSUER).post("/api/password-resets/confirm", "{\"token\":\"" + token
                + "\",\"password\":\"encore une autre phrase\"}").status()).isEqualTo(404);
        org.mockito.Mockito.verify(sender, org.mockito.Mockito.times(1)).sendPasswordReset(
                org.mockito.ArgumentMatchers.argThat(account -> account.login().equals("ines.moreau")),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());

        // what the old password opened is closed: the provider's session, the refresh token, the access token
        assertThat(signedIn.get(ISSUER.resolve("/rejoindre?jeton=aucun")).headers().firstValue("Location").orElse(""))
                .endsWith("/login?expiree");
        assertThat(OidcBrowser.tokenResponse(ISSUER, "console", "console-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", before.refreshToken())).statusCode()).isEqualTo(400);
        assertThat(ApiClient.on(ISSUER).as(before.accessToken()).get("/api/basins/valenciennois/users").status())
                .isEqualTo(401);
        // the new password opens the account, the lock-out of the wrong ones over; the old one no longer does
        assertThat(new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "ines.moreau",
                "ma nouvelle phrase de passe").accessToken()).isNotBlank();
        assertThatThrownBy(() -> new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "ines.moreau",
                "mon ancienne phrase de passe")).isInstanceOf(OidcBrowser.LoginRefused.class);
    }

    @Test
    @DisplayName("« Mon compte »: the holder renames themselves, and changes their address with their password, confirmed from the new one; the former is told, and nobody learns which address has an account")
    void the_holder_changes_their_name_and_their_address_confirmed_from_the_new_one() {
        acceptByPage(invite("lea.fontaine", "valenciennois", "OPERATOR"), "une phrase de passe de lea");
        acceptByPage(invite("marc.dupuis", "valenciennois", "OPERATOR"), "une phrase de passe de marc");
        ApiClient lea = ApiClient.on(ISSUER).as(new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT,
                "lea.fontaine", "une phrase de passe de lea").accessToken());
        ApiClient marc = ApiClient.on(ISSUER).as(new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT,
                "marc.dupuis", "une phrase de passe de marc").accessToken());
        assertThat(lea.get("/api/me").json().path("email").asString()).isEqualTo("lea.fontaine@example.fr");

        // the name: bounded, shown at once, carried by the next tokens
        for (String bad : List.of("\"   \"", "\"" + "x".repeat(121) + "\"", "\"L\\u0000a\"", "null")) {
            ApiClient.Response refused = lea.put("/api/me/display-name", "{\"displayName\":" + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("displayName");
        }
        assertThat(lea.put("/api/me/display-name", "{\"displayName\":\" Léa Fontaine-Roux \"}").json()
                .path("displayName").asString()).isEqualTo("Léa Fontaine-Roux");
        assertThat(OidcBrowser.claims(new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "lea.fontaine",
                "une phrase de passe de lea").idToken()).path("name").asString()).isEqualTo("Léa Fontaine-Roux");

        // the address: the current password first, then a link to the new address only
        ApiClient.Response wrong = lea.post("/api/me/email-change",
                "{\"email\":\"lea@nouvelle.example\",\"currentPassword\":\"pas la bonne\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("currentPassword").contains("mot de passe incorrect");
        for (String bad : List.of("\"lea.fontaine@example.fr\"", "\"pas-une-adresse\"", "\"" + "a".repeat(250) + "@x.fr\"",
                "\"lea@nouvelle.example\\r\\nBcc: tous@example.fr\"", "null")) {
            ApiClient.Response refused = lea.post("/api/me/email-change", "{\"email\":" + bad
                    + ",\"currentPassword\":\"une phrase de passe de lea\"}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("\"email\"");
        }
        assertThat(lea.get("/api/me").json().path("pendingEmail").isNull()).as("nothing refused is kept").isTrue();
        ApiClient.Response asked = lea.post("/api/me/email-change",
                "{\"email\":\" Lea@Nouvelle.example \",\"currentPassword\":\"une phrase de passe de lea\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(lea.post("/api/me/email-change", "{\"email\":\"lea@autre.example\",\"currentPassword\":"
                + "\"une phrase de passe de lea\"}").status()).as("one link a minute").isEqualTo(409);
        org.mockito.ArgumentCaptor<String> link = org.mockito.ArgumentCaptor.forClass(String.class);
        org.mockito.Mockito.verify(sender, org.mockito.Mockito.timeout(5_000)).sendEmailChange(
                org.mockito.ArgumentMatchers.argThat(account -> account.login().equals("lea.fontaine")),
                org.mockito.ArgumentMatchers.eq("lea@nouvelle.example"), link.capture(), org.mockito.ArgumentMatchers.any());
        assertThat(link.getValue()).startsWith(ISSUER + "/adresse/confirmation?jeton=");
        JsonNode pending = lea.get("/api/me").json();
        assertThat(pending.path("email").asString()).as("unchanged until confirmed").isEqualTo("lea.fontaine@example.fr");
        assertThat(pending.path("pendingEmail").asString()).isEqualTo("lea@nouvelle.example");

        // opening the link changes nothing (a mail scanner follows links); the button does
        OidcBrowser browser = new OidcBrowser(ISSUER);
        String page = browser.get(URI.create(link.getValue())).body();
        assertThat(page).contains("lea@nouvelle.example").contains("lea.fontaine");
        assertThat(lea.get("/api/me").json().path("email").asString()).isEqualTo("lea.fontaine@example.fr");
        String token = link.getValue().substring(link.getValue().indexOf("jeton=") + 6);
        assertThat(browser.post(ISSUER.resolve("/adresse/confirmation"), page, "jeton=" + token).body())
                .contains("est désormais").contains("lea@nouvelle.example");
        JsonNode after = lea.get("/api/me").json();
        assertThat(after.path("email").asString()).isEqualTo("lea@nouvelle.example");
        assertThat(after.path("pendingEmail").isNull()).isTrue();
        org.mockito.Mockito.verify(sender, org.mockito.Mockito.timeout(5_000)).sendEmailChanged(
                org.mockito.ArgumentMatchers.argThat(account -> account.login().equals("lea.fontaine")),
                org.mockito.ArgumentMatchers.eq("lea.fontaine@example.fr"));
        assertThat(browser.get(URI.create(link.getValue())).body()).as("a link serves once").contains("a déjà servi");

        // the password-reset links now go to the new address only
        ApiClient.on(ISSUER).post("/api/password-resets", "{\"email\":\"lea.fontaine@example.fr\"}");
        ApiClient.on(ISSUER).post("/api/password-resets", "{\"email\":\"lea@nouvelle.example\"}");
        org.mockito.Mockito.verify(sender, org.mockito.Mockito.timeout(5_000)).sendPasswordReset(
                org.mockito.ArgumentMatchers.argThat(account -> account.login().equals("lea.fontaine")
                        && account.email().equals("lea@nouvelle.example")),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());

        // asking for an address another account has: the same answer, and no link sent anywhere
        ApiClient.Response taken = marc.post("/api/me/email-change",
                "{\"email\":\"lea@nouvelle.example\",\"currentPassword\":\"une phrase de passe de marc\"}");
        assertThat(taken.status()).isEqualTo(202);
        assertThat(taken.body()).isEqualTo(asked.body());
        org.mockito.Mockito.verify(sender, org.mockito.Mockito.after(1_000).never()).sendEmailChange(
                org.mockito.ArgumentMatchers.argThat(account -> account.login().equals("marc.dupuis")),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        assertThat(marc.delete("/api/me/email-change").json().path("pendingEmail").isNull()).isTrue();

        // wrong passwords count toward the lock-out, as at login
        for (int i = 0; i < 3; i++) {
            assertThat(marc.post("/api/me/email-change", "{\"email\":\"marc@ailleurs.example\",\"currentPassword\":"
                    + "\"devine\"}").status()).isEqualTo(400);
        }
        ApiClient.Response locked = marc.post("/api/me/email-change",
                "{\"email\":\"marc@ailleurs.example\",\"currentPassword\":\"une phrase de passe de marc\"}");
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.body()).contains("verrouillé");
        // a client's token is no person's account
        assertThat(astrees().get("/api/me").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("ASTREES' administrator configures an authenticator at the first login, then signs in with a code or a recovery code, once each")
    void an_administrator_signs_in_with_a_second_factor() {
        ApiClient.Response created = astrees().post("/api/network/users", """
                {"login":"claire.admin","displayName":"Claire Admin","email":"claire.admin@example.fr","networkRoles":["NETWORK_ADMIN"]}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        acceptByApi(created.json().path("invitationUrl").asString(), "la phrase de claire admin");
        List<String> recoveryCodes = new java.util.ArrayList<>();
        String[] secret = new String[1];
        long[] enrolledAt = new long[1];

        // first login: the password, then the application to configure with a first code; ten recovery codes shown once
        OidcBrowser.Tokens first = new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "claire.admin",
                "la phrase de claire admin", (browser, page) -> {
                    assertThat(page.getPath()).isEqualTo("/connexion/configuration");
                    String setup = browser.get(page).body();
                    java.util.regex.Matcher key = java.util.regex.Pattern.compile("id=\"cle\">([A-Z2-7 ]+)<").matcher(setup);
                    assertThat(key.find()).as(setup).isTrue();
                    secret[0] = key.group(1).replace(" ", "");
                    assertThat(setup).contains("otpauth://totp/ALIZ%C3%89:claire.admin?secret=" + secret[0]);
                    assertThat(browser.post(page, setup, "code=000000").body()).as("a wrong first code")
                            .contains("Ce code ne correspond pas");
                    enrolledAt[0] = Math.floorDiv(Instant.now().getEpochSecond(), 30);
                    String codes = browser.post(page, setup, "code=" + totp(secret[0], enrolledAt[0])).body();
                    java.util.regex.Matcher recovery = java.util.regex.Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")
                            .matcher(codes);
                    while (recovery.find()) {
                        recoveryCodes.add(recovery.group(1));
                    }
                    return continueFrom(codes);
                });
        assertThat(OidcBrowser.claims(first.accessToken()).path("network_roles").toString()).contains("NETWORK_ADMIN");
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();

        // the password alone signs nobody in: without the code there is no authorization code, only the code page
        OidcBrowser halfway = new OidcBrowser(ISSUER);
        assertThatThrownBy(() -> halfway.login("console", "console-secret", REDIRECT, "claire.admin",
                "la phrase de claire admin")).hasMessageContaining("/connexion/code");
        assertThat(halfway.get(ISSUER.resolve("/rejoindre?jeton=aucun")).headers().firstValue("Location").orElse(""))
                .as("no session signed in after the password alone").endsWith("/login");

        // the next login: a code of the next step (the current one was used at enrolment, and a code serves once)
        OidcBrowser.Tokens second = new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "claire.admin",
                "la phrase de claire admin", (browser, page) -> {
                    String form = browser.get(page).body();
                    assertThat(browser.post(page, form, "code=" + totp(secret[0], enrolledAt[0])).body())
                            .as("the code already used").contains("Code incorrect ou déjà utilisé");
                    return location(browser.post(page, form, "code=" + totp(secret[0], enrolledAt[0] + 1)));
                });
        assertThat(second.accessToken()).isNotBlank();

        // no phone: a recovery code, once
        new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "claire.admin", "la phrase de claire admin",
                (browser, page) -> location(browser.post(page, browser.get(page).body(), "code=" + recoveryCodes.get(0))));
        assertThat(astrees().get("/api/network/users/claire.admin").body()).contains("Connexion avec un code de secours (9 restants)");
        new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "claire.admin", "la phrase de claire admin",
                (browser, page) -> {
                    String form = browser.get(page).body();
                    assertThat(browser.post(page, form, "code=" + recoveryCodes.get(0)).body()).contains("Code incorrect");
                    return location(browser.post(page, form, "code=" + recoveryCodes.get(1)));
                });

        // a lost phone: ASTREES resets the factor, configured again at the next login
        assertThat(astrees().post("/api/network/users/claire.admin/second-factor/reset", "").status()).isEqualTo(200);
        assertThatThrownBy(() -> new OidcBrowser(ISSUER).login("console", "console-secret", REDIRECT, "claire.admin",
                "la phrase de claire admin")).hasMessageContaining("/connexion/configuration");
    }

    private static String totp(String secret, long step) {
        return org.alize.identity.account.Totp.code(secret, step);
    }

    private static URI continueFrom(String page) {
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("id=\"continuer\" href=\"([^\"]+)\"").matcher(page);
        assertThat(next.find()).as(page).isTrue();
        return ISSUER.resolve(next.group(1).replace("&amp;", "&"));
    }

    private static URI location(HttpResponse<String> response) {
        return ISSUER.resolve(response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                response.statusCode() + ": " + response.body())));
    }

    private String invite(String login, String basin, String role) {
        String name = login.substring(0, 1).toUpperCase() + login.substring(1).replace('.', ' ');
        if (login.equals("karim.benali")) {
            name = "Karim Benali";
        }
        ApiClient.Response created = astrees().post("/api/network/users", "{\"login\":\"" + login + "\",\"displayName\":\""
                + name + "\",\"email\":\"" + login + "@example.fr\",\"basins\":{\"" + basin + "\":[\"" + role + "\"]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("invitationUrl").asString();
    }

    private void acceptByPage(String invitationUrl, String password) {
        OidcBrowser browser = new OidcBrowser(ISSUER);
        String page = browser.get(URI.create(invitationUrl)).body();
        assertThat(page).contains("Choisir votre mot de passe");
        String token = invitationUrl.substring(invitationUrl.indexOf("jeton=") + 6);
        HttpResponse<String> posted = browser.post(ISSUER.resolve("/invitation"), page,
                "jeton=" + token + "&password=" + password.replace(' ', '+') + "&confirmation=" + password.replace(' ', '+'));
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/login?active");
    }

    private void acceptByApi(String invitationUrl, String password) {
        String token = invitationUrl.substring(invitationUrl.indexOf("jeton=") + 6);
        assertThat(ApiClient.on(ISSUER).post("/api/invitations/accept", "{\"token\":\"" + token + "\",\"password\":\""
                + password + "\"}").status()).isEqualTo(200);
    }

    private void publish(String basin, String type, String subject, long sequence, Object event) {
        String payload = json.writeValueAsString(event);
        EventContract.assertConforms(type, payload);
        publisher.publish(new OutboxEntry(UUID.randomUUID().toString(), BasinEvents.TOPIC, type,
                "/basins/" + basin + "/test/" + subject, subject, basin, sequence, Instant.now(), payload));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
