package org.alize.identity.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import org.alize.identity.IdentitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local stack's token endpoint, for development and tests only: {@code POST /dev/tokens} with a token's claims
 * as JSON answers {@code {"token": …}} signed with this provider's signing key, so that the demo's seeders and the
 * system tests act as the demo's personas — and send the expired or wrong-audience tokens a security test needs —
 * without anyone but identity-service holding the private key.
 *
 * <p>Off unless {@code alize.identity.dev-tokens.enabled} is true, which only the local stack sets. Even then it
 * refuses to start for an issuer that is not on this machine (localhost), and answers 404 to any caller that is
 * not on the loopback interface. Compose and Kubernetes never set it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "alize.identity.dev-tokens.enabled", havingValue = "true")
class DevTokens {

    static final String PATH = "/dev/tokens";
    private static final Logger log = LoggerFactory.getLogger(DevTokens.class);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    DevTokens(IdentitySettings settings) {
        String host = URI.create(settings.issuer()).getHost();
        if (host == null || !LOCAL_HOSTS.contains(host)) {
            throw new IllegalStateException("alize.identity.dev-tokens.enabled is for the local stack only: the issuer "
                    + settings.issuer() + " is not on this machine");
        }
        log.warn("development token endpoint {} is on: anyone on this machine can mint any token (local stack only)", PATH);
    }

    /** Before every other chain: no session, no CSRF token (a script calls it), nothing but this path. */
    @Bean
    @Order(0)
    SecurityFilterChain devTokensChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATH).authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()).build();
    }

    /** Found by the component scan, under the same condition as the configuration around it. */
    @RestController
    @ConditionalOnProperty(name = "alize.identity.dev-tokens.enabled", havingValue = "true")
    static class Endpoint {

        private final SigningKeys keys;

        Endpoint(SigningKeys keys) {
            this.keys = keys;
        }

        @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Map<String, String>> mint(@RequestBody Map<String, Object> claims, HttpServletRequest request) {
            if (!loopback(request.getRemoteAddr())) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
            }
            try {
                return ResponseEntity.ok(Map.of("token", keys.sign(JWTClaimsSet.parse(claims))));
            } catch (ParseException e) {
                return ResponseEntity.badRequest().body(Map.of("error", "claims: " + e.getMessage()));
            }
        }

        private static boolean loopback(String address) {
            try {
                return InetAddress.getByName(address).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
