package org.alize.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.alize.console.ConsoleSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** A person's console sessions: listed (this one first), one closed from another with its tokens revoked. */
class OpenSessionsTest {

    private final Map<String, MapSession> stored = new HashMap<>();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private HttpServer provider;
    private OpenSessions sessions;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/oauth2/revoke", exchange -> {
            revoked.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        provider.start();
        URI identity = URI.create("http://127.0.0.1:" + provider.getAddress().getPort());
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("sessions", new Repository());
        sessions = new OpenSessions(beans.getBeanProvider(org.springframework.core.ResolvableType.forClassWithGenerics(
                FindByIndexNameSessionRepository.class, MapSession.class)),
                new ConsoleSettings(URI.create("http://gateway"), new ConsoleSettings.Identity(identity, identity), "console",
                        "s3cret", Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void a_person_sees_their_sessions_and_closes_another_whose_tokens_are_revoked() {
        MapSession here = session("karim", "Firefox sous Linux", Instant.parse("2026-12-02T08:00:00Z"), null);
        MapSession phone = session("karim", "Safari sous iOS", Instant.parse("2026-12-01T19:00:00Z"),
                client("access-phone", "refresh-phone"));
        session("sophie", "Chrome sous Windows", Instant.parse("2026-12-02T09:00:00Z"), null);

        List<OpenSessions.Open> open = sessions.of("karim", here.getId());

        assertThat(open).extracting(OpenSessions.Open::device).containsExactly("Firefox sous Linux", "Safari sous iOS");
        assertThat(open.get(0).current()).isTrue();
        assertThat(open.get(1).handle()).hasSize(24).isNotEqualTo(phone.getId()).doesNotContain(phone.getId());
        assertThat(sessions.close("sophie", open.get(1).handle(), null)).as("another person's session").isFalse();
        assertThat(sessions.close("karim", open.get(0).handle(), here.getId())).as("not this one").isFalse();

        assertThat(sessions.close("karim", open.get(1).handle(), here.getId())).isTrue();

        assertThat(stored).doesNotContainKey(phone.getId()).containsKey(here.getId());
        assertThat(revoked).hasSize(2).allMatch(r -> r.startsWith("Basic "))
                .anyMatch(r -> r.contains("token=refresh-phone") && r.contains("token_type_hint=refresh_token"))
                .anyMatch(r -> r.contains("token=access-phone"));
        assertThat(sessions.closeOthers("karim", here.getId())).isZero();
        assertThat(sessions.of("sophie", null)).hasSize(1);
    }

    @Test
    void a_device_is_named_by_its_browser_and_system_only() {
        assertThat(OpenSessions.device("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo("Firefox sous Linux");
        assertThat(OpenSessions.device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).isEqualTo("Safari sous iOS");
        assertThat(OpenSessions.device("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0 Safari/537.36 Edg/120.0")).isEqualTo("Edge sous Windows");
        assertThat(OpenSessions.device(null)).isEqualTo("Appareil inconnu");
    }

    private MapSession session(String principal, String device, Instant lastActive, OAuth2AuthorizedClient client) {
        MapSession session = new MapSession();
        session.setCreationTime(lastActive.minusSeconds(3600));
        session.setLastAccessedTime(lastActive);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
        session.setAttribute(OpenSessions.DEVICE, device);
        if (client != null) {
            session.setAttribute("org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository"
                    + ".AUTHORIZED_CLIENTS", new HashMap<>(Map.of("alize", client)));
        }
        stored.put(session.getId(), session);
        return session;
    }

    private static OAuth2AuthorizedClient client(String access, String refresh) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("alize").clientId("console")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("{baseUrl}/cb")
                .authorizationUri("http://idp/authorize").tokenUri("http://idp/token").build();
        return new OAuth2AuthorizedClient(registration, "karim", new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                access, Instant.now(), Instant.now().plusSeconds(300)), new OAuth2RefreshToken(refresh, Instant.now()));
    }

    private final class Repository implements FindByIndexNameSessionRepository<MapSession> {

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String name, String value) {
            return stored.values().stream().filter(s -> value.equals(s.getAttribute(PRINCIPAL_NAME_INDEX_NAME)))
                    .collect(Collectors.toMap(MapSession::getId, s -> s));
        }

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            stored.put(session.getId(), session);
        }

        @Override
        public MapSession findById(String id) {
            return stored.get(id);
        }

        @Override
        public void deleteById(String id) {
            stored.remove(id);
        }
    }
}
