package org.alize.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class TestIssuerTest {

    private final TestIssuer issuer = TestIssuer.shared();
    private final JwtDecoder decoder = decoder(issuer);

    @Test
    void a_signed_token_verifies_against_the_published_jwks_and_carries_the_grants() {
        String token = issuer.token("claire.martin").networkRoles("NETWORK_ADMIN")
                .basin("valenciennois", "OPERATOR", "COMMITTEE_MEMBER").sign();

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("claire.martin");
        assertThat(jwt.getClaimAsStringList("network_roles")).containsExactly("NETWORK_ADMIN");
        assertThat(jwt.getClaimAsMap("basins"))
                .containsEntry("valenciennois", List.of("OPERATOR", "COMMITTEE_MEMBER"));
        assertThat(jwt.getAudience()).containsExactly(TestIssuer.AUDIENCE);
    }

    @Test
    void forged_expired_and_unsigned_tokens_are_refused() {
        assertThatThrownBy(() -> decoder.decode(issuer.token("eve").signWithForeignKey())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.token("eve").expired().sign())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.token("eve").unsigned())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.token("eve").issuer("http://evil.example").sign()))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void the_discovery_document_names_the_issuer_and_its_keys() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(issuer.issuerUri() + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(issuer.jwkSetUri()).contains("\"issuer\":\"" + issuer.issuerUri() + "\"");
    }

    private static JwtDecoder decoder(TestIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuerUri()));
        return decoder;
    }

}
