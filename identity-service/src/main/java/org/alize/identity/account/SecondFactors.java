package org.alize.identity.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.alize.identity.IdentitySettings;
import org.alize.kernel.Digests;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Service;

/**
 * The second factor at login: a code of an authenticator application (TOTP, RFC 6238) for the accounts whose roles
 * require it, or one of ten recovery codes given once at enrolment. The application's secret is stored encrypted with
 * the signing keys' password, the recovery codes only as their SHA-256. A wrong code counts as a wrong password
 * toward the lock-out, so a stolen password gives no more guesses at the code than at the password.
 */
@Service
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final IdentitySettings settings;
    private final Clock clock;

    SecondFactors(Accounts accounts, IdentitySettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a login needs after its password. */
    public enum Step {
        /** nothing: the account's roles require no second factor */
        NONE,
        /** the application to configure first (roles that require it, not enrolled yet) */
        CONFIGURE,
        /** a code of the application configured */
        CODE
    }

    /** What {@code login} needs after its password, read from the account once. */
    public Step step(String login) {
        Set<String> required = settings.secondFactor().requiredRoles();
        return accounts.find(login).map(account -> {
            boolean needed = account.grants().networkRoles().stream().anyMatch(r -> required.contains(r.name()))
                    || account.grants().basins().values().stream().flatMap(Set::stream).anyMatch(r -> required.contains(r.name()));
            // a factor configured is asked for at every login, required by a role or turned on by its holder
            return account.secondFactor() != null ? Step.CODE : needed ? Step.CONFIGURE : Step.NONE;
        }).orElse(Step.NONE);
    }

    public boolean enrolled(String login) {
        return accounts.find(login).map(account -> account.secondFactor() != null).orElse(false);
    }

    /** The address to give the authenticator application for {@code secret}. */
    public String uri(String login, String secret) {
        return Totp.uri(settings.secondFactor().issuer(), login, secret);
    }

    /**
     * Enrols {@code secret} once its first {@code code} is right; returns the recovery codes, shown this once.
     *
     * @throws InvalidInput if the code does not match the secret now
     */
    public List<String> enrol(String login, String secret, String code) {
        Account account = existing(login);
        Instant now = clock.instant();
        OptionalLong step = Totp.verify(secret, code, now, 0);
        if (step.isEmpty()) {
            throw InvalidInput.field("code", "ce code ne correspond pas : vérifiez l'heure du téléphone et saisissez le code affiché");
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(Digests.sha256Hex(recovery));
        }
        String salt = KeyGenerators.string().generateKey();
        account.enrolSecondFactor(new Account.SecondFactor(Encryptors.delux(password(), salt).encrypt(secret), salt, now,
                step.getAsLong(), hashes), now);
        accounts.save(account);
        return codes;
    }

    /**
     * Whether {@code code} confirms {@code login}'s login: a code of its application not used before, or a recovery
     * code not used before (spent then). A wrong one counts toward the lock-out.
     */
    public boolean verify(String login, String code) {
        Account account = existing(login);
        Account.SecondFactor factor = account.secondFactor();
        Instant now = clock.instant();
        if (factor == null || code == null || code.length() > 32 || account.lockedAt(now)) {
            return false;
        }
        String secret = Encryptors.delux(password(), factor.salt()).decrypt(factor.encryptedSecret());
        OptionalLong step = Totp.verify(secret, code, now, factor.lastStep());
        if (step.isPresent()) {
            account.secondFactorUsed(step.getAsLong());
            accounts.save(account);
            return true;
        }
        if (account.useRecoveryCode(Digests.sha256Hex(code.strip().toLowerCase(java.util.Locale.ROOT)), now)) {
            accounts.save(account);
            return true;
        }
        accounts.recordFailure(login, settings.lockout().maxFailures(), now.plus(settings.lockout().duration()));
        return false;
    }

    /** ASTREES removes {@code login}'s factor (a lost phone): the holder configures it again at the next login. */
    public Account reset(String login, String by) {
        Account account = existing(login);
        account.resetSecondFactor(by, clock.instant());
        return accounts.save(account);
    }

    private Account existing(String login) {
        return accounts.find(login).orElseThrow(() -> new NotFound("account.not-found", "Aucun compte « " + login + " »."));
    }

    private String password() {
        return settings.keys().encryptionPassword();
    }

    /** Ten characters in two groups, without the letters and digits people mistake for one another. */
    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }
}
