package org.alize.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser and a client application do against an OpenID Connect provider, done with plain HTTP:
 * the authorization code flow with PKCE (authorize, login form with its CSRF token, redirect with the
 * code, code exchange), the client credentials grant and refresh. Each instance keeps its own cookies,
 * like one browser.
 */
public final class OidcBrowser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The token endpoint's answer. */
    public record Tokens(String accessToken, String refreshToken, String idToken, long expiresIn) {
    }

    /** The login did not end with a code: the page the browser was left on. */
    public static final class LoginRefused extends RuntimeException {
        private final String page;

        LoginRefused(String page) {
            super("login refused");
            this.page = page;
        }

        public String page() {
            return page;
        }
    }

    private final URI issuer;
    private final HttpClient http;

    public OidcBrowser(URI issuer) {
        this.issuer = issuer;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What a login asks after the password (the provider's second-factor pages): the address to go on from. */
    @FunctionalInterface
    public interface SecondStep {
        URI complete(OidcBrowser browser, URI page);
    }

    /** Logs in through the authorization code flow with PKCE (S256) and exchanges the code for tokens. */
    public Tokens login(String clientId, String clientSecret, String redirectUri, String username, String password) {
        return login(clientId, clientSecret, redirectUri, username, password, (browser, page) -> {
            throw new IllegalStateException("the provider asks for a second factor: " + page);
        });
    }

    /** The same, through {@code secondStep} when the provider asks for a second factor after the password. */
    public Tokens login(String clientId, String clientSecret, String redirectUri, String username, String password,
            SecondStep secondStep) {
        String verifier = randomToken();
        String state = UUID.randomUUID().toString();
        URI authorize = issuer.resolve("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", redirectUri, "scope", "openid profile", "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256")));
        HttpResponse<String> response = get(authorize);
        URI location = follow(response, "/login");
        String loginPage = get(location).body();
        HttpResponse<String> posted = post(issuer.resolve("/login"), null, form(Map.of("username", username,
                "password", password, "_csrf", csrf(loginPage))));
        URI next = location(posted);
        if (next.getPath().equals("/login")) {
            throw new LoginRefused(get(next).body());
        }
        if (next.getPath().startsWith("/connexion/")) {
            next = secondStep.complete(this, next);
        }
        URI callback = location(get(next));
        if (!callback.toString().startsWith(redirectUri)) {
            throw new IllegalStateException("expected a redirect to " + redirectUri + ", got " + callback);
        }
        Map<String, String> query = query(callback);
        if (!state.equals(query.get("state"))) {
            throw new IllegalStateException("state not returned: " + callback);
        }
        return token(issuer, clientId, clientSecret, Map.of("grant_type", "authorization_code", "code", query.get("code"),
                "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    /** A page of the provider as this browser sees it. */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
    }

    /** Posts a form, with this browser's cookies; {@code csrfFrom} is a page whose CSRF token to send, if any. */
    public HttpResponse<String> post(URI uri, String csrfFrom, String formBody) {
        String body = csrfFrom == null ? formBody : formBody + "&_csrf=" + encode(csrf(csrfFrom));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static Tokens clientCredentials(URI issuer, String clientId, String clientSecret) {
        return token(issuer, clientId, clientSecret, Map.of("grant_type", "client_credentials"));
    }

    public static Tokens refresh(URI issuer, String clientId, String clientSecret, String refreshToken) {
        return token(issuer, clientId, clientSecret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** The raw answer of the token endpoint, for a test that expects a refusal. */
    public static HttpResponse<String> tokenResponse(URI issuer, String clientId, String clientSecret,
            Map<String, String> parameters) {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(issuer.resolve("/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT, read without checking it (the services check; a test looks). */
    public static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static JsonNode header(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    private static Tokens token(URI issuer, String clientId, String clientSecret, Map<String, String> parameters) {
        HttpResponse<String> response = tokenResponse(issuer, clientId, clientSecret, parameters);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Tokens(body.path("access_token").asString(), body.path("refresh_token").asString(null),
                body.path("id_token").asString(null), body.path("expires_in").asLong());
    }

    private URI follow(HttpResponse<String> response, String expectedPath) {
        URI location = location(response);
        if (!location.getPath().equals(expectedPath)) {
            throw new IllegalStateException("expected a redirect to " + expectedPath + ", got " + location);
        }
        return location;
    }

    private URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "expected a redirect, got " + response.statusCode() + ": " + abbreviate(response.body())));
        return issuer.resolve(location);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page: " + abbreviate(page));
        }
        return matcher.group(1);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
