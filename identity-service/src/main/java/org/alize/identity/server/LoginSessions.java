package org.alize.identity.server;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alize.identity.account.CredentialsChanged;
import org.alize.tenancy.web.CurrentGrants;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ends the provider's login sessions of an account: when its password was set again (someone who had signed in with
 * the old one, the reason to change it often, cannot get new tokens from the session they kept), and when its owner
 * closes their other sessions from « Mon compte ». The next request of such a session goes to the login page.
 */
@RestController
@Tag(name = "Mon compte")
class LoginSessions {

    private final SessionRegistry sessions;

    LoginSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(CredentialsChanged changed) {
        endAll(changed.login());
    }

    @PostMapping("/api/me/login-sessions/end")
    @Operation(summary = "Fermer mes sessions ouvertes chez le fournisseur d'identité (tous appareils)",
            description = "Un appareil qui y avait une session devra saisir à nouveau le mot de passe ; les sessions de la "
                    + "console se ferment depuis « Mon compte ». Répond le nombre de sessions fermées.")
    Map<String, Integer> endMine() {
        return Map.of("ended", endAll(CurrentGrants.subject()));
    }

    /** Ends every provider session of {@code login}; how many were live. */
    int endAll(String login) {
        List<Object> principals;
        try {
            principals = sessions.getAllPrincipals();
        } catch (UnsupportedOperationException sharedSessions) {
            // the sessions in MongoDB are found by login, on every instance's behalf
            List<SessionInformation> live = sessions.getAllSessions(login, false);
            live.forEach(SessionInformation::expireNow);
            return live.size();
        }
        int ended = 0;
        for (Object principal : principals) {
            String name = principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
            if (name.equals(login)) {
                List<SessionInformation> live = sessions.getAllSessions(principal, false);
                live.forEach(SessionInformation::expireNow);
                ended += live.size();
            }
        }
        return ended;
    }
}
