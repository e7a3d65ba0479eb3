package org.alize.identity.server;

import java.util.List;

import org.alize.identity.account.CredentialsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Ends the provider's login sessions of an account whose password was set again: someone who had signed in with
 * the old one (the reason to change it, often) cannot get new tokens from the session they kept. The next
 * request of such a session goes to the login page.
 */
@Component
class LoginSessions {

    private final SessionRegistry sessions;

    LoginSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(CredentialsChanged changed) {
        List<Object> principals;
        try {
            principals = sessions.getAllPrincipals();
        } catch (UnsupportedOperationException sharedSessions) {
            // the sessions in MongoDB are found by login, on every instance's behalf
            sessions.getAllSessions(changed.login(), false).forEach(SessionInformation::expireNow);
            return;
        }
        for (Object principal : principals) {
            String name = principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
            if (name.equals(changed.login())) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
