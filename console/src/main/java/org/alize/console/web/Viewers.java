package org.alize.console.web;

import java.text.ParseException;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** The {@link Viewer} of the current request, read once from the (possibly refreshed) access token. */
@Component
public class Viewers {

    private static final String ATTRIBUTE = Viewer.class.getName();
    private final Api api;

    public Viewers(Api api) {
        this.api = api;
    }

    public Viewer current(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Viewer viewer) {
            return viewer;
        }
        String name = SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof OidcUser user
                ? user.getFullName() : null;
        try {
            Viewer viewer = Viewer.fromClaims(JWTParser.parse(api.accessToken()).getJWTClaimsSet().getClaims(), name);
            request.setAttribute(ATTRIBUTE, viewer);
            return viewer;
        } catch (ParseException e) {
            throw new IllegalStateException("the access token is not a JWT", e);
        }
    }
}
