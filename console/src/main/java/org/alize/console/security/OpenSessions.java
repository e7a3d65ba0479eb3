package org.alize.console.security;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.alize.console.ConsoleSettings;
import org.alize.kernel.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person's open sessions of the console, for « Mon compte »: where each was opened (the browser and system its
 * first request named), when, when it was last used; and closing one from another: the session is removed and the
 * tokens it held are revoked at the provider, so that nothing it kept still opens the APIs. A session is named by a
 * digest of its id, never by the id itself (which would let a page's reader take it over).
 */
@Component
public class OpenSessions extends OncePerRequestFilter {

    static final String DEVICE = "alize.device";
    private static final String AUTHORIZED_CLIENTS = HttpSessionOAuth2AuthorizedClientRepository.class.getName()
            + ".AUTHORIZED_CLIENTS";
    private static final Logger log = LoggerFactory.getLogger(OpenSessions.class);

    /** An open session as « Mon compte » shows it. */
    public record Open(String handle, Instant openedAt, Instant lastActiveAt, String device, boolean current) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ConsoleSettings settings;
    private final RestClient provider;

    /** @param sessions the shared login sessions (web-sessions); without them (a test), no session is listed */
    OpenSessions(org.springframework.beans.factory.ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
            ConsoleSettings settings) {
        this.sessions = sessions.getIfAvailable(() -> new NoSessions());
        this.settings = settings;
        // the console's own bounds on a call (Api): a provider that does not answer never holds « Mon compte »
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(settings.timeout());
        this.provider = RestClient.builder().baseUrl(settings.identity().internal().toString()).requestFactory(factory)
                .build();
    }

    /** The open sessions of {@code principal}, the most recently used first; {@code currentId} marked. */
    public List<Open> of(String principal, String currentId) {
        List<Open> open = new ArrayList<>();
        for (Session session : sessions.findByPrincipalName(principal).values()) {
            Object device = session.getAttribute(DEVICE);
            open.add(new Open(handle(session.getId()), session.getCreationTime(), session.getLastAccessedTime(),
                    device == null ? "Appareil inconnu" : device.toString(), session.getId().equals(currentId)));
        }
        open.sort(Comparator.comparing(Open::current).reversed().thenComparing(Open::lastActiveAt, Comparator.reverseOrder()));
        return open;
    }

    /** Closes the session of {@code principal} named {@code handle} (never {@code currentId}); false if none is. */
    public boolean close(String principal, String handle, String currentId) {
        for (Session session : sessions.findByPrincipalName(principal).values()) {
            if (handle(session.getId()).equals(handle) && !session.getId().equals(currentId)) {
                end(session);
                return true;
            }
        }
        return false;
    }

    /** Closes every session of {@code principal} but {@code currentId}; how many. */
    public int closeOthers(String principal, String currentId) {
        int closed = 0;
        for (Session session : sessions.findByPrincipalName(principal).values()) {
            if (!session.getId().equals(currentId)) {
                end(session);
                closed++;
            }
        }
        return closed;
    }

    private void end(Session session) {
        sessions.deleteById(session.getId());
        Object clients = session.getAttribute(AUTHORIZED_CLIENTS);
        if (clients instanceof Map<?, ?> held) {
            for (Object value : held.values()) {
                if (value instanceof OAuth2AuthorizedClient client) {
                    if (client.getRefreshToken() != null) {
                        revoke(client.getRefreshToken().getTokenValue(), "refresh_token");
                    }
                    revoke(client.getAccessToken().getTokenValue(), "access_token");
                }
            }
        }
    }

    /** RFC 7009 revocation at the provider, as the console's client; a failure is logged, the session is gone anyway. */
    private void revoke(String token, String hint) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        form.add("token_type_hint", hint);
        try {
            provider.post().uri("/oauth2/revoke").headers(h -> h.setBasicAuth(settings.clientId(),
                            settings.clientSecret() == null ? "" : settings.clientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("a closed session's {} could not be revoked at the provider: {}", hint, e.getMessage());
        }
    }

    /** Where no shared sessions are kept: nothing to list, nothing to close. */
    private static final class NoSessions implements FindByIndexNameSessionRepository<org.springframework.session.MapSession> {

        @Override
        public Map<String, org.springframework.session.MapSession> findByIndexNameAndIndexValue(String name, String value) {
            return Map.of();
        }

        @Override
        public org.springframework.session.MapSession createSession() {
            return new org.springframework.session.MapSession();
        }

        @Override
        public void save(org.springframework.session.MapSession session) {
        }

        @Override
        public org.springframework.session.MapSession findById(String id) {
            return null;
        }

        @Override
        public void deleteById(String id) {
        }
    }

    static String handle(String sessionId) {
        return Digests.sha256Hex("alize-session|" + sessionId).substring(0, 24);
    }

    /** Names, once, the browser and system a session was opened from. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken) && session.getAttribute(DEVICE) == null) {
            session.setAttribute(DEVICE, device(request.getHeader("User-Agent")));
        }
        chain.doFilter(request, response);
    }

    /** « Firefox sous Linux »: enough to recognise one's own devices, nothing more of the header is kept. */
    static String device(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Appareil inconnu";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge" : ua.contains("opr/") || ua.contains("opera") ? "Opera"
                : ua.contains("firefox/") ? "Firefox" : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome"
                : ua.contains("safari/") ? "Safari" : "Navigateur inconnu";
        String system = ua.contains("android") ? "Android" : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS" : ua.contains("linux") ? "Linux"
                : "système inconnu";
        return browser + " sous " + system;
    }
}
