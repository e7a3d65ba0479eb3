package org.alize.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.alize.identity.IdentitySettings;
import org.alize.identity.revocation.Revocations;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.kernel.problem.RuleViolation;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.NetworkRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What ASTREES and operators do with accounts. ASTREES (network role {@code NETWORK_ADMIN}) manages every
 * account and grants any role, operators included; an operator manages the roles of its own basin only
 * and never grants or withdraws {@code OPERATOR} (the appointment of a local operator is ASTREES' call).
 */
@Service
public class AccountAdministration {

    /** What a new account is created with; {@code basins} are roles granted by hand. */
    public record NewAccount(String login, String displayName, String email, Set<NetworkRole> networkRoles,
            Map<String, Set<BasinRole>> basins) {

        public NewAccount {
            networkRoles = networkRoles == null ? Set.of() : Set.copyOf(networkRoles);
            basins = basins == null ? Map.of() : Map.copyOf(basins);
        }
    }

    /** An account and, when one was just issued, the link its holder sets a password with. */
    public record Invited(Account account, String invitationUrl) {
    }

    private final Accounts accounts;
    private final InvitationSender sender;
    private final PasswordEncoder passwords;
    private final IdentitySettings settings;
    private final Clock clock;
    private final Revocations revocations;
    private final BasinInvitations basinInvitations;
    private final org.springframework.context.ApplicationEventPublisher events;

    public AccountAdministration(Accounts accounts, InvitationSender sender, PasswordEncoder passwords,
            IdentitySettings settings, Clock clock, Revocations revocations, BasinInvitations basinInvitations,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.sender = sender;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
        this.revocations = revocations;
        this.basinInvitations = basinInvitations;
    }

    // --- ASTREES ------------------------------------------------------------------------------------

    public Invited create(NewAccount request, String by) {
        Instant now = clock.instant();
        Invitation.Issued issued = Invitation.issue(now, settings.invitations().lifetime());
        Account account = Account.invite(AccountLogins.normalise(request.login()), request.displayName(),
                request.email(), issued.invitation(), by, now);
        account.setNetworkRoles(request.networkRoles(), by, now);
        request.basins().forEach((basin, roles) -> account.grantBasinRoles(basin(basin), roles, by, now));
        rejectDuplicateEmail(account);
        Account saved = accounts.insert(account);
        String link = link(issued.token());
        sender.send(saved, link);
        return new Invited(saved, link);
    }

    public Account setNetworkRoles(String login, Set<NetworkRole> roles, String by) {
        Account account = accounts.get(login);
        account.setNetworkRoles(roles, by, clock.instant());
        return accounts.save(account);
    }

    public Account grantAnyBasinRoles(String login, BasinId basin, Set<BasinRole> roles, String by) {
        Account account = accounts.get(login);
        account.grantBasinRoles(basin, roles, by, clock.instant());
        return accounts.save(account);
    }

    public Account disable(String login, String reason, String by) {
        Account account = accounts.get(login);
        account.disable(reason, by, clock.instant());
        // the access tokens already out stop at the services' next poll; revoked first, so that a failure in
        // between leaves the account's tokens revoked rather than a disabled account with live tokens
        revocations.revoke(login, "compte désactivé");
        return accounts.save(account);
    }

    /**
     * The account following an erased person of {@code basin}: erased with them when it follows no one else (no other
     * basin's person, no network role), its tokens revoked first; otherwise it only stops following this person.
     * Returns the login concerned, if any.
     */
    public Optional<String> erasePerson(BasinId basin, String personId) {
        Optional<Account> found = accounts.findByPerson(basin, personId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (account.people().size() == 1 && account.networkRoles().isEmpty()) {
            revocations.revoke(account.login(), "personne effacée");
            account.erase("basin-service", now);
            events.publishEvent(new CredentialsChanged(account.login()));
        } else {
            account.followAppointments(basin, personId, Set.of(), now);
            account.forgetPerson(basin);
        }
        accounts.save(account);
        return Optional.of(account.login());
    }

    public Account enable(String login, String by) {
        Account account = accounts.get(login);
        account.enable(by, clock.instant());
        return accounts.save(account);
    }

    public Account unlock(String login, String by) {
        Account account = accounts.get(login);
        account.unlock(by, clock.instant());
        return accounts.save(account);
    }

    public Invited reinvite(String login, String by) {
        return reinvite(accounts.get(login), by);
    }

    // --- an operator in its basin -------------------------------------------------------------------

    /** Opens an account for someone of {@code basin} with roles there (never {@code OPERATOR}). */
    public Invited createInBasin(BasinId basin, NewAccount request, String by) {
        if (!request.networkRoles().isEmpty() || request.basins().keySet().stream().anyMatch(b -> !b.equals(basin.value()))) {
            throw new AccessDeniedException("Un opérateur n'accorde de rôles que dans son bassin.");
        }
        Set<BasinRole> roles = request.basins().getOrDefault(basin.value(), Set.of());
        requireOperatorGrantable(roles, Set.of());
        Instant now = clock.instant();
        Invitation.Issued issued = Invitation.issue(now, settings.invitations().lifetime());
        // what a new person would be: checks the request and gives the answer, whoever the address belongs to
        Account asRequested = Account.invite(AccountLogins.normalise(request.login()), request.displayName(), request.email(),
                issued.invitation(), by, now);
        asRequested.grantBasinRoles(basin, roles, by, now);
        Optional<Account> holder = accounts.findByEmail(asRequested.email());
        if (holder.isEmpty()) {
            return create(request, by);
        }
        if (holder.get().hasAnyRoleIn(basin)) {
            throw new org.alize.kernel.problem.Conflict("account.in-basin",
                    "Cette personne a déjà un compte dans le bassin : modifiez ses rôles plutôt.");
        }
        // someone another basin (or ASTREES) already knows: invited to join, told nothing to the operator
        basinInvitations.save(new BasinInvitations.BasinInvitation(issued.invitation().tokenHash(), holder.get().login(),
                basin.value(), Set.copyOf(roles), by, now, issued.invitation().expiresAt(), null));
        sender.sendBasinInvitation(holder.get(), basin, roles, sender.joinLink(issued.token()), issued.invitation().expiresAt());
        return new Invited(asRequested, null);
    }

    /** The invitation to join a basin that {@code token} stands for, if it is still open. */
    public BasinInvitations.BasinInvitation basinInvitation(String token) {
        return basinInvitations.open(token, clock.instant()).orElseThrow(() -> new NotFound("invitation.not-found",
                "Ce lien d'invitation n'est pas valable ou a expiré : demandez-en un nouveau à l'opérateur du bassin."));
    }

    /** The holder of the invited account, logged in as {@code login}, accepts: the roles are granted in the basin. */
    public Account joinBasin(String token, String login) {
        BasinInvitations.BasinInvitation invitation = basinInvitation(token);
        if (!invitation.login().equals(login)) {
            throw new AccessDeniedException("Cette invitation est adressée à un autre compte.");
        }
        Account account = accounts.get(login);
        BasinId basin = BasinId.of(invitation.basin());
        Set<BasinRole> roles = new java.util.TreeSet<>(account.grantedRolesIn(basin));
        roles.addAll(invitation.roles());
        account.grantBasinRoles(basin, roles, invitation.invitedBy(), clock.instant());
        Account saved = accounts.save(account);
        basinInvitations.save(invitation.acceptedAt(clock.instant()));
        return saved;
    }

    /** Sets the roles granted by hand to an account in {@code basin}, the operator's own. */
    public Account grantInBasin(BasinId basin, String login, Set<BasinRole> roles, String by) {
        Account account = inScopeOf(basin, login);
        requireOperatorGrantable(roles, account.grantedRolesIn(basin));
        account.grantBasinRoles(basin, roles, by, clock.instant());
        return accounts.save(account);
    }

    /** Sends a new invitation to an account that holds a role in {@code basin}; the link goes by mail only. */
    public Account reinviteInBasin(BasinId basin, String login, String by) {
        return reinvite(inScopeOf(basin, login), by).account();
    }

    /**
     * An account an operator of {@code basin} may see and change: one that holds a role there. Any other,
     * whether it exists in another basin or not at all, is the same 404, so nothing is learnt about it.
     */
    private Account inScopeOf(BasinId basin, String login) {
        return accounts.find(login).filter(account -> account.hasAnyRoleIn(basin))
                .orElseThrow(() -> new NotFound("account.not-found", "Aucun compte « " + login + " » dans ce bassin."));
    }

    /** One page of the accounts holding a role in {@code basin}, by login. */
    public org.springframework.data.domain.Page<Account> inBasin(BasinId basin, int page, int size) {
        return accounts.search(null, basin, org.springframework.data.domain.PageRequest.of(page, size));
    }

    // --- invitations --------------------------------------------------------------------------------

    /** The holder of a valid invitation link chooses a password; returns the activated account. */
    public Account acceptInvitation(String token, String password) {
        Instant now = clock.instant();
        Account account = token == null ? null : accounts.findByInvitation(token).orElse(null);
        if (account == null || account.invitation() == null || account.invitation().expiredAt(now)) {
            throw new NotFound("invitation.not-found", "Ce lien d'invitation n'est pas valable ou a expiré : "
                    + "demandez-en un nouveau à votre opérateur local ou à ASTREES.");
        }
        checkPassword(account, password);
        account.acceptInvitation(passwords.encode(password), now);
        return accounts.save(account);
    }

    /** The account a still-valid invitation token belongs to, for the page that asks for the password. */
    public Account invited(String token) {
        Instant now = clock.instant();
        return accounts.findByInvitation(token == null ? "" : token)
                .filter(a -> a.invitation() != null && !a.invitation().expiredAt(now))
                .orElseThrow(() -> new NotFound("invitation.not-found",
                        "Ce lien d'invitation n'est pas valable ou a expiré."));
    }

    void checkPassword(Account account, String password) {
        int minimum = settings.invitations().minimumPasswordLength();
        if (password == null || password.length() < minimum) {
            throw InvalidInput.field("password", "au moins " + minimum + " caractères");
        }
        if (password.length() > 128) {
            throw InvalidInput.field("password", "128 caractères au plus");
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(account.login())) {
            throw InvalidInput.field("password", "le mot de passe ne doit pas contenir l'identifiant");
        }
        if (password.chars().distinct().count() < 5) {
            throw InvalidInput.field("password", "le mot de passe est trop répétitif");
        }
    }

    private Invited reinvite(Account account, String by) {
        Invitation.Issued issued = Invitation.issue(clock.instant(), settings.invitations().lifetime());
        account.reinvite(issued.invitation(), by, clock.instant());
        Account saved = accounts.save(account);
        String link = link(issued.token());
        sender.send(saved, link);
        return new Invited(saved, link);
    }

    private void rejectDuplicateEmail(Account account) {
        if (accounts.findByEmail(account.email()).isPresent()) {
            throw new org.alize.kernel.problem.Conflict("account.email-taken",
                    "Un compte existe déjà pour l'adresse " + account.email() + ".");
        }
    }

    private static void requireOperatorGrantable(Set<BasinRole> wanted, Set<BasinRole> current) {
        if (wanted.contains(BasinRole.OPERATOR) != current.contains(BasinRole.OPERATOR)) {
            throw new RuleViolation("R-03", "Le rôle d'opérateur local suit la désignation de l'opérateur "
                    + "(consensus des partenaires, du président du comité de pilotage et d'ASTREES) : seule ASTREES l'accorde ou le retire.");
        }
    }

    private static BasinId basin(String value) {
        if (!BasinId.isValid(value)) {
            throw InvalidInput.field("basins", "identifiant de bassin invalide : " + value);
        }
        return BasinId.of(value);
    }

    private String link(String token) {
        return sender.link(token);
    }
}
