package org.alize.identity.account;

import java.time.Clock;
import java.time.Instant;

import org.alize.identity.IdentitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Password logins against the accounts: the user details Spring Security checks (an invited or disabled
 * account cannot log in, a locked one neither), hash upgrades when the hashing policy is raised, and the
 * lock-out counter fed by the authentication events of the login form only (client authentication and
 * bearer tokens are not password logins).
 */
@Component
public class AccountLogins implements UserDetailsService, UserDetailsPasswordService {

    private static final Logger log = LoggerFactory.getLogger(AccountLogins.class);

    private final Accounts accounts;
    private final IdentitySettings.Lockout lockout;
    private final Clock clock;

    public AccountLogins(Accounts accounts, IdentitySettings settings, Clock clock) {
        this.accounts = accounts;
        this.lockout = settings.lockout();
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.find(normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("no account " + username));
        Instant now = clock.instant();
        return User.withUsername(account.login())
                .password(account.passwordHash() == null ? "" : account.passwordHash())
                .disabled(account.status() != AccountStatus.ACTIVE || account.passwordHash() == null)
                .accountLocked(account.lockedAt(now))
                .authorities("ACCOUNT")
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accounts.find(user.getUsername()).ifPresent(account -> {
            account.upgradePasswordHash(newPassword);
            accounts.save(account);
        });
        return User.withUserDetails(user).password(newPassword).build();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt
                && attempt.getName() != null) {
            String login = normalise(attempt.getName());
            if (accounts.find(login).isPresent()) {
                accounts.recordFailure(login, lockout.maxFailures(), clock.instant().plus(lockout.duration()));
                log.info("wrong password for {}", login);
            }
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken login
                && login.getPrincipal() instanceof UserDetails user) {
            accounts.recordSuccess(user.getUsername(), clock.instant());
        }
    }

    static String normalise(String login) {
        return login == null ? null : login.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
