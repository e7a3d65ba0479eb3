package org.alize.tenancy.web;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.Grants;
import org.alize.tenancy.NetworkRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The grants of the caller of the current request, read from its verified access token. */
public final class CurrentGrants {

    private CurrentGrants() {
    }

    public static Grants get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Grants.fromClaims(jwt.getClaims());
        }
        return Grants.NONE;
    }

    /** The token's subject: who did it, for every write's audit trail. */
    public static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return jwt.getSubject();
        }
        throw new AccessDeniedException("aucun appelant authentifié");
    }

    /** Refuses (403) unless the caller holds one of {@code roles} in the basin of the current request. */
    public static void requireBasinRole(BasinRole... roles) {
        BasinId basin = BasinContext.require();
        if (!get().hasAnyRoleIn(basin, roles)) {
            throw new AccessDeniedException("Votre rôle dans le bassin " + basin + " ne permet pas cette action.");
        }
    }

    /** Refuses (403) unless the caller holds one of {@code roles} at network level (any network role if none named). */
    public static void requireNetworkRole(NetworkRole... roles) {
        if (!get().hasAnyNetworkRole(roles)) {
            throw new AccessDeniedException("Cette action est réservée à la tête de réseau.");
        }
    }
}
