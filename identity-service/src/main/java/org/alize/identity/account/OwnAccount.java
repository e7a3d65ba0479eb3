package org.alize.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.alize.identity.IdentitySettings;
import org.alize.kernel.Digests;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What the holder of an account changes on it themselves, from « Mon compte »: the name the platform shows, and the
 * address its mails and password-reset links go to. A new address is asked for with the current password (a session
 * left open on a shared computer does not suffice to redirect the account's mail) and becomes the account's only once
 * confirmed by the link sent there: expiring (24 h), single use, only its SHA-256 stored. The former address is told.
 * Whether another account already has the address, the answer is the same and no link is sent: asking tells nobody
 * who has an account.
 */
@Service
public class OwnAccount {

    /** What the holder is told once they asked for a new address, whatever it is. */
    public static final String EMAIL_CHANGE_ANSWER = "Un lien de confirmation a été envoyé à la nouvelle adresse, sauf si "
            + "elle est déjà celle d'un autre compte ; il est valable 24 heures. Votre adresse actuelle reste celle du compte "
            + "jusqu'à ce que vous le suiviez.";

    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    static final Duration COOLDOWN = Duration.ofMinutes(1);
    /** The longest password the platform lets anyone choose: anything longer is wrong without being hashed. */
    private static final int LONGEST_PASSWORD = 128;

    private static final Logger log = LoggerFactory.getLogger(OwnAccount.class);

    private final Accounts accounts;
    private final InvitationSender sender;
    private final PasswordEncoder passwords;
    private final IdentitySettings.Lockout lockout;
    private final Clock clock;

    OwnAccount(Accounts accounts, InvitationSender sender, PasswordEncoder passwords, IdentitySettings settings, Clock clock) {
        this.accounts = accounts;
        this.sender = sender;
        this.passwords = passwords;
        this.lockout = settings.lockout();
        this.clock = clock;
    }

    public Account get(String login) {
        return accounts.get(login);
    }

    /** The holder's new name, on their pages at once and in the tokens issued from now on. */
    public Account rename(String login, String name) {
        Account account = accounts.get(login);
        return account.rename(name, clock.instant()) ? accounts.save(account) : account;
    }

    /**
     * Keeps {@code newEmail} waiting for its confirmation and sends the link there, once the current password is
     * checked (a wrong one counts toward the lock-out as at login). Sends nothing if another account has the address.
     */
    public void requestEmailChange(String login, String newEmail, String currentPassword) {
        Account account = accounts.get(login);
        Instant now = clock.instant();
        checkPassword(account, currentPassword, now);
        Invitation.Issued issued = Invitation.issue(now, LINK_LIFETIME);
        account.requestEmailChange(newEmail, issued.invitation(), COOLDOWN, now);
        String address = account.emailChange().email();
        boolean taken = accounts.findByEmail(address).filter(other -> !other.login().equals(login)).isPresent();
        Account saved = accounts.save(account);
        if (taken) {
            log.info("address change of {} asked for an address another account has: no link sent", login);
            return;
        }
        sender.later(() -> sender.sendEmailChange(saved, address, sender.emailChangeLink(issued.token()),
                issued.invitation().expiresAt()));
    }

    /** Withdraws a change not confirmed yet: its link stops working. */
    public Account cancelEmailChange(String login) {
        Account account = accounts.get(login);
        return account.cancelEmailChange(clock.instant()) ? accounts.save(account) : account;
    }

    /** The account a still-valid confirmation link belongs to, for the page that asks to confirm. */
    public Account pending(String token) {
        Instant now = clock.instant();
        return (token == null || token.isBlank() || token.length() > 100 ? Optional.<Account>empty()
                : accounts.findByEmailChange(token))
                .filter(account -> account.emailChange() != null && !account.emailChange().expiredAt(now)
                        && account.emailChange().tokenHash().equals(Digests.sha256Hex(token)))
                .orElseThrow(() -> new NotFound("email-change.not-found", "Ce lien de confirmation n'est pas valable, a "
                        + "déjà servi ou a expiré : demandez-en un nouveau depuis « Mon compte »."));
    }

    /** The link was followed: its address becomes the account's, the former one is told. */
    public Account confirm(String token) {
        Account account = pending(token);
        String former = account.confirmEmailChange(clock.instant());
        Account saved;
        try {
            saved = accounts.save(account);
        } catch (DuplicateKeyException e) {
            throw new Conflict("account.email-taken", "Cette adresse est devenue celle d'un autre compte entre-temps : "
                    + "l'adresse de votre compte n'a pas changé.");
        } catch (OptimisticLockingFailureException e) {
            // the button pressed twice at once: the first press changed the address, the second has nothing to do
            Account current = accounts.get(account.login());
            if (account.email().equals(current.email())) {
                return current;
            }
            throw new Conflict("concurrent-modification", "Le compte a changé pendant la confirmation : rouvrez le lien.");
        }
        if (former != null) {
            sender.later(() -> sender.sendEmailChanged(saved, former));
        }
        return saved;
    }

    private void checkPassword(Account account, String password, Instant now) {
        if (account.lockedAt(now)) {
            throw new Conflict("account.locked", "Trop de mots de passe erronés : le compte est verrouillé pour un moment, "
                    + "réessayez plus tard.");
        }
        boolean matches = password != null && !password.isEmpty() && password.length() <= LONGEST_PASSWORD
                && account.passwordHash() != null && matches(password, account.passwordHash());
        if (!matches) {
            accounts.recordFailure(account.login(), lockout.maxFailures(), now.plus(lockout.duration()));
            throw InvalidInput.field("currentPassword", "mot de passe incorrect");
        }
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) {
            // a hash of an unknown form, or a password its encoder refuses to read
            return false;
        }
    }
}
