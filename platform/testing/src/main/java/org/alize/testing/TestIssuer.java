package org.alize.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for tests: an RSA key pair made for this JVM, its JWKS and OpenID discovery
 * document served on a loopback port, and a builder of real signed access tokens carrying the
 * platform's claims ({@code network_roles}, {@code basins}).
 *
 * <p>It can also mint the tokens a security test needs to see refused: expired, signed by a foreign
 * key, unsigned ({@code alg: none}), for another audience or issuer.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "alize";

    private static TestIssuer shared;
    private static final java.net.http.HttpClient SIGNING = java.net.http.HttpClient.newHttpClient();

    private final RSAKey key;
    /** Where a real issuer signs this issuer's tokens (its development endpoint), when it holds no key itself. */
    private final URI signer;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final String issuerUri;
    private final String jwkSetUri;

    private TestIssuer(int port) {
        this.key = generateKey();
        this.signer = null;
        this.foreignKey = generateKey();
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test issuer", e);
        }
        this.issuerUri = "http://localhost:" + server.getAddress().getPort() + "/test-issuer";
        this.jwkSetUri = issuerUri + "/.well-known/jwks.json";
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String discovery = "{\"issuer\":\"" + issuerUri + "\",\"jwks_uri\":\"" + jwkSetUri() + "\","
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.createContext("/test-issuer/.well-known/jwks.json", exchange -> respond(exchange, jwks));
        server.createContext("/test-issuer/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
        server.setExecutor(null);
        server.start();
    }

    private TestIssuer(URI signer, String issuerUri, String jwkSetUri) {
        this.key = null;
        this.signer = signer;
        this.foreignKey = generateKey();
        this.server = null;
        this.issuerUri = issuerUri;
        this.jwkSetUri = jwkSetUri;
    }

    /**
     * Tokens that a real issuer signs at its development endpoint ({@code signer}, identity-service's
     * {@code /dev/tokens} in the local stack): the personas and the expired, wrong-audience or wrong-issuer tokens
     * a real issuer would never hand out, without the private key leaving it. Forged and unsigned tokens are made
     * here, as always.
     */
    public static TestIssuer signedBy(URI signer, String issuerUri, String jwkSetUri) {
        return new TestIssuer(signer, issuerUri, jwkSetUri);
    }

    /** The issuer of this JVM, started on first use. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "alize-test-issuer-stop"));
        }
        return shared;
    }

    /** A new issuer with its own keys, for a test that needs a second, distinct one. */
    public static TestIssuer standalone() {
        return new TestIssuer(0);
    }

    /** An issuer on a given loopback port (0 for a free one): the local stack's development issuer. */
    public static TestIssuer onPort(int port) {
        return new TestIssuer(port);
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    public Token token(String subject) {
        return new Token(subject);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the test RSA key", e);
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An access token being built; {@link #sign()} gives its compact form for a Bearer header. */
    public final class Token {

        private final String subject;
        private final List<String> networkRoles = new ArrayList<>();
        private final Map<String, List<String>> basins = new LinkedHashMap<>();
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();
        private String issuer = issuerUri;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);

        private Token(String subject) {
            this.subject = subject;
        }

        public Token networkRoles(String... roles) {
            networkRoles.addAll(List.of(roles));
            return this;
        }

        public Token basin(String basinId, String... roles) {
            basins.computeIfAbsent(basinId, id -> new ArrayList<>()).addAll(List.of(roles));
            return this;
        }

        public Token claim(String name, Object value) {
            extraClaims.put(name, value);
            return this;
        }

        public Token issuer(String otherIssuer) {
            this.issuer = otherIssuer;
            return this;
        }

        public Token audience(String otherAudience) {
            this.audience = otherAudience;
            return this;
        }

        public Token lifetime(Duration duration) {
            this.lifetime = duration;
            return this;
        }

        /** A token whose lifetime ended a minute ago, beyond any clock-skew allowance. */
        public Token expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(2));
            this.lifetime = Duration.ofMinutes(5);
            return this;
        }

        public String sign() {
            return signer != null ? signRemotely() : signWith(key);
        }

        private String signRemotely() {
            try {
                java.net.http.HttpResponse<String> response = SIGNING.send(java.net.http.HttpRequest.newBuilder(signer)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims().toJSONObject())))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(signer + " answered " + response.statusCode() + ": " + response.body());
                }
                return String.valueOf(com.nimbusds.jose.util.JSONObjectUtils.parse(response.body()).get("token"));
            } catch (IOException | java.text.ParseException e) {
                throw new IllegalStateException("cannot have the token signed at " + signer, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Signed by a key this issuer does not publish: a forged token. */
        public String signWithForeignKey() {
            return signWith(foreignKey);
        }

        /** The same claims with {@code alg: none} and no signature. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        private String signWith(RSAKey signingKey) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID((key != null ? key : signingKey).getKeyID()).type(JOSEObjectType.JWT).build(), claims());
                jwt.sign(new RSASSASigner(signingKey));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign the test token", e);
            }
        }

        private JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .claim("network_roles", List.copyOf(networkRoles))
                    .claim("basins", new LinkedHashMap<>(basins));
            extraClaims.forEach(claims::claim);
            return claims.build();
        }
    }
}
