package org.alize.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.Grants;
import org.alize.tenancy.NetworkRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's account: login, password hash, status, lock-out counters and grants. Grants come from two
 * sources kept apart: roles granted by hand (ASTREES for any basin, an operator in its own basin) and
 * roles that follow an appointment recorded in basin-service (a seat on a committee), which come and go
 * with the appointment. The access token carries their union.
 */
@Document("accounts")
public class Account {

    public static final Pattern LOGIN = Pattern.compile("^[a-z][a-z0-9._-]{2,63}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int HISTORY_KEPT = 200;

    @Id
    private final String login;
    private String displayName;
    @Indexed(unique = true, sparse = true)
    private String email;
    private String passwordHash;
    private AccountStatus status;
    private Set<NetworkRole> networkRoles;
    private Map<String, Set<BasinRole>> basinRoles;
    private Map<String, Set<BasinRole>> appointedRoles;
    private Map<String, String> people;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant lastLoginAt;
    private Invitation invitation;
    /** A link sent to choose a new password (only its hash), while it is valid. */
    private Invitation passwordReset;
    /** The authenticator application's secret once enrolled (a second factor at login), else null. */
    private SecondFactor secondFactor;
    /** A new address its holder asked for, until they confirm it by the link sent there (only its hash kept). */
    private EmailChange emailChange;
    private final List<AccountChange> history;
    private final Instant createdAt;
    private final String createdBy;
    @Version
    private Long version;

    @PersistenceCreator
    Account(String login, String displayName, String email, String passwordHash, AccountStatus status,
            Set<NetworkRole> networkRoles, Map<String, Set<BasinRole>> basinRoles,
            Map<String, Set<BasinRole>> appointedRoles, Map<String, String> people, int failedLogins,
            Instant lockedUntil, Instant lastLoginAt, Invitation invitation, Invitation passwordReset,
            SecondFactor secondFactor, EmailChange emailChange, List<AccountChange> history, Instant createdAt,
            String createdBy, Long version) {
        this.login = login;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.status = status;
        this.networkRoles = networkRoles == null ? new TreeSet<>() : new TreeSet<>(networkRoles);
        this.basinRoles = copy(basinRoles);
        this.appointedRoles = copy(appointedRoles);
        this.people = people == null ? new TreeMap<>() : new TreeMap<>(people);
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.lastLoginAt = lastLoginAt;
        this.invitation = invitation;
        this.passwordReset = passwordReset;
        this.secondFactor = secondFactor;
        this.emailChange = emailChange;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.version = version;
    }

    /** A new account waiting for its holder to choose a password through {@code invitation}. */
    public static Account invite(String login, String displayName, String email, Invitation invitation, String by,
            Instant now) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        email = normalise(email);
        if (login == null || !LOGIN.matcher(login).matches()) {
            errors.add(new InvalidInput.FieldError("login",
                    "3 à 64 caractères : minuscules, chiffres, point, tiret ou souligné, en commençant par une lettre"));
        }
        if (!validName(displayName)) {
            errors.add(new InvalidInput.FieldError("displayName", NAME_RULE));
        }
        if (!validEmail(email)) {
            errors.add(new InvalidInput.FieldError("email", "adresse électronique invalide"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("Le compte ne peut pas être créé.", errors);
        }
        Account account = new Account(login, displayName.strip(), normalise(email), null, AccountStatus.INVITED, null,
                null, null, null, 0, null, null, invitation, null, null, null, null, now, by, null);
        account.record(now, by, "Compte créé, invitation envoyée à " + account.email);
        return account;
    }

    private static final String NAME_RULE = "le nom affiché est requis (120 caractères au plus, sans caractère de contrôle)";

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= 120 && name.chars().noneMatch(Character::isISOControl);
    }

    /** An address as accounts keep them: normalised, at most 254 characters, one {@code @}, a dot in its domain. */
    static boolean validEmail(String normalised) {
        return normalised != null && normalised.length() <= 254 && EMAIL.matcher(normalised).matches()
                && normalised.chars().noneMatch(Character::isISOControl);
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    // --- grants -------------------------------------------------------------------------------------

    /** The grants an access token of this account carries: network roles and the union of both basin sources. */
    public Grants grants() {
        Map<BasinId, Set<BasinRole>> basins = new TreeMap<>(java.util.Comparator.comparing(BasinId::value));
        basinRoles.forEach((basin, roles) -> basins.computeIfAbsent(BasinId.of(basin), b -> EnumSet.noneOf(BasinRole.class))
                .addAll(roles));
        appointedRoles.forEach((basin, roles) -> basins.computeIfAbsent(BasinId.of(basin),
                b -> EnumSet.noneOf(BasinRole.class)).addAll(roles));
        basins.values().removeIf(Set::isEmpty);
        return new Grants(Set.copyOf(networkRoles), basins);
    }

    public void setNetworkRoles(Set<NetworkRole> roles, String by, Instant now) {
        if (roles.equals(networkRoles)) {
            return;
        }
        networkRoles = new TreeSet<>(roles);
        record(now, by, "Rôles réseau : " + (roles.isEmpty() ? "aucun" : new TreeSet<>(roles)));
    }

    /** Replaces the roles granted by hand in {@code basin}; an empty set withdraws them. */
    public void grantBasinRoles(BasinId basin, Set<BasinRole> roles, String by, Instant now) {
        if (roles.contains(BasinRole.INTEGRATION)) {
            throw InvalidInput.field("roles", "le rôle INTEGRATION est celui des clients d'API du bassin, jamais d'une personne");
        }
        Set<BasinRole> current = basinRoles.getOrDefault(basin.value(), Set.of());
        if (current.equals(roles)) {
            return;
        }
        if (roles.isEmpty()) {
            basinRoles.remove(basin.value());
        } else {
            basinRoles.put(basin.value(), new TreeSet<>(roles));
        }
        record(now, by, "Rôles dans le bassin " + basin.value() + " : " + (roles.isEmpty() ? "aucun" : new TreeSet<>(roles)));
    }

    /**
     * The roles that follow this person's appointments in {@code basin} as basin-service last published
     * them; an empty set when the appointments ended. Returns whether anything changed.
     */
    public boolean followAppointments(BasinId basin, String personId, Set<BasinRole> roles, Instant now) {
        people.put(basin.value(), personId);
        Set<BasinRole> current = appointedRoles.getOrDefault(basin.value(), Set.of());
        if (current.equals(roles)) {
            return false;
        }
        if (roles.isEmpty()) {
            appointedRoles.remove(basin.value());
        } else {
            appointedRoles.put(basin.value(), new TreeSet<>(roles));
        }
        record(now, "basin-service", "Rôles par nomination dans le bassin " + basin.value() + " : "
                + (roles.isEmpty() ? "aucun (fin de mandat)" : new TreeSet<>(roles)));
        return true;
    }

    /** Stops following a basin's person (erased): the account keeps its other links. */
    public void forgetPerson(BasinId basin) {
        people.remove(basin.value());
    }

    public Set<BasinRole> grantedRolesIn(BasinId basin) {
        return Set.copyOf(basinRoles.getOrDefault(basin.value(), Set.of()));
    }

    public Set<BasinRole> appointedRolesIn(BasinId basin) {
        return Set.copyOf(appointedRoles.getOrDefault(basin.value(), Set.of()));
    }

    public boolean hasAnyRoleIn(BasinId basin) {
        return grants().hasBasin(basin);
    }

    // --- credentials and status ---------------------------------------------------------------------

    /** Sends a fresh invitation (the previous link stops working); refused once the holder has a password. */
    public void reinvite(Invitation fresh, String by, Instant now) {
        if (status != AccountStatus.INVITED) {
            throw new Conflict("account.not-invited",
                    "Ce compte a déjà un mot de passe : une nouvelle invitation n'a pas lieu d'être.");
        }
        invitation = fresh;
        record(now, by, "Nouvelle invitation envoyée à " + email);
    }

    /** The holder chose a password through a valid invitation: the account becomes active. */
    public void acceptInvitation(String hash, Instant now) {
        if (status != AccountStatus.INVITED || invitation == null || invitation.expiredAt(now)) {
            throw new Conflict("invitation.invalid", "Ce lien d'invitation n'est plus valable : demandez-en un nouveau.");
        }
        passwordHash = hash;
        status = AccountStatus.ACTIVE;
        invitation = null;
        failedLogins = 0;
        lockedUntil = null;
        record(now, login, "Mot de passe choisi, compte activé");
    }

    /**
     * Keeps {@code reset} as the one link that may set a new password, for an active account only (an invited one
     * follows its invitation; a disabled one gets nothing), and not again within {@code cooldown} of the last one:
     * whether a link was issued, so a mail is sent.
     */
    public boolean requestPasswordReset(Invitation reset, Duration cooldown, Instant now) {
        if (status != AccountStatus.ACTIVE
                || (passwordReset != null && passwordReset.issuedAt().plus(cooldown).isAfter(now))) {
            return false;
        }
        passwordReset = reset;
        record(now, login, "Lien de réinitialisation du mot de passe envoyé à " + email);
        return true;
    }

    /** The holder set a new password through the link sent to their address: it is spent, and any lock-out ends. */
    public void resetPassword(String hash, Instant now) {
        if (status != AccountStatus.ACTIVE || passwordReset == null || passwordReset.expiredAt(now)) {
            throw new Conflict("password-reset.invalid",
                    "Ce lien de réinitialisation n'est plus valable : demandez-en un nouveau depuis la page de connexion.");
        }
        passwordHash = hash;
        passwordReset = null;
        failedLogins = 0;
        lockedUntil = null;
        record(now, login, "Mot de passe réinitialisé par le lien envoyé par courriel");
    }

    /**
     * A second factor: the secret of the holder's authenticator application, encrypted, the last 30-second step a
     * code was accepted for (a code serves once), and the SHA-256 of the recovery codes not used yet.
     */
    public record SecondFactor(String encryptedSecret, String salt, Instant enrolledAt, long lastStep,
            List<String> recoveryCodeHashes) {

        public SecondFactor {
            recoveryCodeHashes = recoveryCodeHashes == null ? List.of() : List.copyOf(recoveryCodeHashes);
        }
    }

    /** The holder proved they hold the application (a first code accepted): it is asked for at every login now. */
    public void enrolSecondFactor(SecondFactor factor, Instant now) {
        if (status != AccountStatus.ACTIVE) {
            throw new Conflict("second-factor.inactive", "Seul un compte actif configure sa double authentification.");
        }
        secondFactor = factor;
        record(now, login, "Double authentification configurée (application d'authentification, "
                + factor.recoveryCodeHashes().size() + " codes de secours)");
    }

    /** A code of {@code step} was accepted: no code of that step or an earlier one will be again. */
    public void secondFactorUsed(long step) {
        secondFactor = new SecondFactor(secondFactor.encryptedSecret(), secondFactor.salt(), secondFactor.enrolledAt(),
                Math.max(step, secondFactor.lastStep()), secondFactor.recoveryCodeHashes());
    }

    /** Spends the recovery code whose SHA-256 is {@code hash}, if it is one not used yet. */
    public boolean useRecoveryCode(String hash, Instant now) {
        if (secondFactor == null || !secondFactor.recoveryCodeHashes().contains(hash)) {
            return false;
        }
        List<String> left = new ArrayList<>(secondFactor.recoveryCodeHashes());
        left.remove(hash);
        secondFactor = new SecondFactor(secondFactor.encryptedSecret(), secondFactor.salt(), secondFactor.enrolledAt(),
                secondFactor.lastStep(), left);
        record(now, login, "Connexion avec un code de secours (" + left.size() + " restants)");
        return true;
    }

    /** The holder lost their device: ASTREES removes the factor, to be configured again at the next login. */
    public void resetSecondFactor(String by, Instant now) {
        if (secondFactor == null) {
            return;
        }
        secondFactor = null;
        record(now, by, "Double authentification réinitialisée : à configurer de nouveau à la prochaine connexion");
    }

    public SecondFactor secondFactor() {
        return secondFactor;
    }

    // --- the holder's own record ------------------------------------------------------------------------

    /**
     * A new address asked for by the holder, waiting for the confirmation sent there: {@code email} (normalised) and
     * the link's hash. A new request replaces it; confirming it makes it the account's address.
     */
    public record EmailChange(String email, @Indexed(sparse = true) String tokenHash, Instant issuedAt, Instant expiresAt) {

        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** The holder's new name as the platform shows it (its pages, the tokens issued from now on); whether it changed. */
    public boolean rename(String name, Instant now) {
        if (!validName(name)) {
            throw InvalidInput.field("displayName", NAME_RULE);
        }
        String renamed = name.strip();
        if (renamed.equals(displayName)) {
            return false;
        }
        record(now, login, "Nom affiché changé : « " + displayName + " » devient « " + renamed + " »");
        displayName = renamed;
        return true;
    }

    /**
     * Keeps {@code link} as the one that makes {@code newEmail} this account's address, for an active account, and not
     * within {@code cooldown} of the previous request (each sends a mail).
     */
    public void requestEmailChange(String newEmail, Invitation link, Duration cooldown, Instant now) {
        String address = normalise(newEmail);
        if (!validEmail(address)) {
            throw InvalidInput.field("email", "adresse électronique invalide");
        }
        if (address.equals(email)) {
            throw InvalidInput.field("email", "c'est déjà l'adresse de votre compte");
        }
        if (status != AccountStatus.ACTIVE) {
            throw new Conflict("account.not-active", "Ce compte n'est pas actif : son adresse ne peut pas changer.");
        }
        if (emailChange != null && emailChange.issuedAt().plus(cooldown).isAfter(now)) {
            throw new Conflict("email-change.too-soon", "Un lien de confirmation vient d'être envoyé : attendez "
                    + cooldown.toMinutes() + " minute(s) avant d'en demander un autre.");
        }
        emailChange = new EmailChange(address, link.tokenHash(), link.issuedAt(), link.expiresAt());
        record(now, login, "Changement d'adresse demandé : lien de confirmation envoyé à " + address);
    }

    /** The link sent to the new address was followed: it becomes the account's address. Returns the former one. */
    public String confirmEmailChange(Instant now) {
        if (status != AccountStatus.ACTIVE || emailChange == null || emailChange.expiredAt(now)) {
            throw new Conflict("email-change.invalid",
                    "Ce lien de confirmation n'est plus valable : demandez-en un nouveau depuis « Mon compte ».");
        }
        String former = email;
        email = emailChange.email();
        emailChange = null;
        // a link sent to the former address no longer reaches its holder
        passwordReset = null;
        record(now, login, "Adresse changée, confirmée depuis la nouvelle : " + former + " devient " + email);
        return former;
    }

    /** Withdraws a change not confirmed yet (its link stops working). */
    public boolean cancelEmailChange(Instant now) {
        if (emailChange == null) {
            return false;
        }
        record(now, login, "Changement d'adresse vers " + emailChange.email() + " annulé");
        emailChange = null;
        return true;
    }

    public EmailChange emailChange() {
        return emailChange;
    }

    public Invitation passwordReset() {
        return passwordReset;
    }

    public void upgradePasswordHash(String hash) {
        passwordHash = hash;
    }

    public void disable(String reason, String by, Instant now) {
        if (status == AccountStatus.DISABLED) {
            return;
        }
        status = AccountStatus.DISABLED;
        record(now, by, "Compte désactivé" + (reason == null || reason.isBlank() ? "" : " : " + reason.strip()));
    }

    /**
     * The account of a person erased at their request: what identified them goes (name, address, password, second
     * factor, pending links), it can no longer log in, and its roles end. The login stays as the key of the records
     * it signed; the history says an erasure happened.
     */
    public void erase(String by, Instant now) {
        displayName = "Personne effacée";
        email = null;
        passwordHash = null;
        secondFactor = null;
        invitation = null;
        passwordReset = null;
        emailChange = null;
        status = AccountStatus.DISABLED;
        networkRoles.clear();
        basinRoles.clear();
        appointedRoles.clear();
        people.clear();
        record(now, by, "Compte effacé avec les données de la personne (RGPD, art. 17)");
    }

    public void enable(String by, Instant now) {
        if (status != AccountStatus.DISABLED) {
            return;
        }
        status = passwordHash == null ? AccountStatus.INVITED : AccountStatus.ACTIVE;
        record(now, by, "Compte réactivé");
    }

    public void unlock(String by, Instant now) {
        if (lockedUntil == null && failedLogins == 0) {
            return;
        }
        lockedUntil = null;
        failedLogins = 0;
        record(now, by, "Compte déverrouillé");
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean canLogIn(Instant now) {
        return status == AccountStatus.ACTIVE && passwordHash != null && !lockedAt(now);
    }

    private void record(Instant at, String by, String what) {
        history.add(new AccountChange(at, by, what));
        if (history.size() > HISTORY_KEPT) {
            history.subList(0, history.size() - HISTORY_KEPT).clear();
        }
    }

    private static Map<String, Set<BasinRole>> copy(Map<String, Set<BasinRole>> roles) {
        Map<String, Set<BasinRole>> copy = new TreeMap<>();
        if (roles != null) {
            roles.forEach((basin, set) -> copy.put(basin, new TreeSet<>(set)));
        }
        return copy;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public Set<NetworkRole> networkRoles() {
        return Set.copyOf(networkRoles);
    }

    public Map<String, String> people() {
        return Map.copyOf(people);
    }

    public int failedLogins() {
        return failedLogins;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public Invitation invitation() {
        return invitation;
    }

    public List<AccountChange> history() {
        return List.copyOf(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
