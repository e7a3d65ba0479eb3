package org.alize.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.alize.identity.IdentitySettings;
import org.alize.identity.revocation.Revocations;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A forgotten password, set again by its holder through a link sent to the account's address: expiring (an
 * hour), single use, only its SHA-256 stored. Asking answers the same whether or not an account has the
 * address, and the mail leaves on another thread, so neither the answer nor its time tells who has an account.
 * A new password ends every session: the access tokens out are revoked on every service, the refresh tokens
 * and the provider's login sessions go ({@link CredentialsChanged}).
 */
@Service
public class PasswordResets {

    /** What anybody who asks is told, whatever the address. */
    public static final String ANSWER = "Si un compte actif correspond à cette adresse, un lien pour choisir un nouveau mot de "
            + "passe vient d'y être envoyé ; il est valable une heure. Pensez à regarder dans les indésirables.";

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final InvitationSender sender;
    private final PasswordEncoder passwords;
    private final IdentitySettings.PasswordResets settings;
    private final Clock clock;
    private final Revocations revocations;
    private final ApplicationEventPublisher events;

    PasswordResets(Accounts accounts, AccountAdministration administration, InvitationSender sender, PasswordEncoder passwords,
            IdentitySettings settings, Clock clock, Revocations revocations, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.administration = administration;
        this.sender = sender;
        this.passwords = passwords;
        this.settings = settings.passwordResets();
        this.clock = clock;
        this.revocations = revocations;
        this.events = events;
    }

    /** Sends a link to the holder of {@code email} if it is an active account's; the caller learns nothing either way. */
    public void request(String email) {
        String address = Account.normalise(email);
        if (address == null || address.isEmpty() || address.length() > 254 || address.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInput.field("email", "adresse électronique invalide");
        }
        Optional<Account> holder = accounts.findByEmail(address);
        if (holder.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Invitation.Issued issued = Invitation.issue(now, settings.lifetime());
        Account account = holder.get();
        if (account.requestPasswordReset(issued.invitation(), settings.cooldown(), now)) {
            Account saved = accounts.save(account);
            sender.later(() -> sender.sendPasswordReset(saved, sender.resetLink(issued.token()),
                    issued.invitation().expiresAt()));
        }
    }

    /** The account a still-valid link belongs to, for the page that asks for the new password. */
    public Account holder(String token) {
        Instant now = clock.instant();
        return (token == null || token.isBlank() || token.length() > 100 ? Optional.<Account>empty()
                : accounts.findByPasswordReset(token))
                .filter(account -> account.passwordReset() != null && !account.passwordReset().expiredAt(now))
                .orElseThrow(() -> new NotFound("password-reset.not-found", "Ce lien n'est pas valable, a déjà servi ou a "
                        + "expiré : demandez-en un nouveau depuis la page de connexion (« Mot de passe oublié »)."));
    }

    /** Sets the new password of the link's holder, spends the link and ends every session of the account. */
    public Account reset(String token, String password) {
        Account account = holder(token);
        administration.checkPassword(account, password);
        account.resetPassword(passwords.encode(password), clock.instant());
        // the sessions go first: a failure after them leaves the old password with no session, not the reverse
        revocations.revoke(account.login(), "mot de passe réinitialisé");
        events.publishEvent(new CredentialsChanged(account.login()));
        return accounts.save(account);
    }
}
