package org.alize.identity.account;

import java.time.Clock;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.identity.account.AccountAdministration.NewAccount;
import org.alize.identity.account.AccountViews.AccountView;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.NetworkRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresNetworkRole;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** ASTREES' account administration: every account, every grant, operators included. */
@RestController
@Validated
@RequestMapping("/api/network/users")
@RequiresNetworkRole(NetworkRole.NETWORK_ADMIN)
class NetworkAccountController {

    record NetworkRolesRequest(Set<NetworkRole> roles) {
    }

    record BasinRolesRequest(Set<BasinRole> roles) {
    }

    record DisableRequest(String reason) {
    }

    private final AccountAdministration administration;
    private final Accounts accounts;
    private final Clock clock;
    private final SecondFactors secondFactors;

    NetworkAccountController(AccountAdministration administration, Accounts accounts, Clock clock, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.administration = administration;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    Page<AccountView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String basin,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if (basin != null && !BasinId.isValid(basin)) {
            throw InvalidInput.field("basin", "identifiant de bassin invalide");
        }
        return accounts.search(q, basin == null ? null : BasinId.of(basin), PageRequest.of(page, size))
                .map(account -> AccountViews.full(account, null, clock));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@RequestBody NewAccount request) {
        String by = CurrentGrants.subject();
        AccountAdministration.Invited invited = administration.create(request, by);
        return AccountViews.full(invited.account(), invited.invitationUrl(), clock);
    }

    @GetMapping("/{login}")
    AccountView get(@PathVariable String login) {
        return AccountViews.full(accounts.get(login), null, clock);
    }

    @PutMapping("/{login}/network-roles")
    AccountView networkRoles(@PathVariable String login, @RequestBody NetworkRolesRequest request) {
        return AccountViews.full(administration.setNetworkRoles(login, nonNull(request.roles()), CurrentGrants.subject()), null, clock);
    }

    @PutMapping("/{login}/basins/{basinId}")
    AccountView basinRoles(@PathVariable String login, @PathVariable String basinId, @RequestBody BasinRolesRequest request) {
        String by = CurrentGrants.subject();
        if (!BasinId.isValid(basinId)) {
            throw InvalidInput.field("basinId", "identifiant de bassin invalide");
        }
        return AccountViews.full(administration.grantAnyBasinRoles(login, BasinId.of(basinId),
                nonNull(request.roles()), by), null, clock);
    }

    @PostMapping("/{login}/disable")
    AccountView disable(@PathVariable String login, @RequestBody(required = false) DisableRequest request) {
        return AccountViews.full(administration.disable(login, request == null ? null : request.reason(), CurrentGrants.subject()), null, clock);
    }

    @PostMapping("/{login}/enable")
    AccountView enable(@PathVariable String login) {
        return AccountViews.full(administration.enable(login, CurrentGrants.subject()), null, clock);
    }

    /** The holder lost the phone their authenticator application ran on: configured again at their next login. */
    @PostMapping("/{login}/second-factor/reset")
    AccountView resetSecondFactor(@PathVariable String login) {
        return AccountViews.full(secondFactors.reset(login, CurrentGrants.subject()), null, clock);
    }

    @PostMapping("/{login}/unlock")
    AccountView unlock(@PathVariable String login) {
        return AccountViews.full(administration.unlock(login, CurrentGrants.subject()), null, clock);
    }

    /** A new invitation; its link is in the answer so that ASTREES can hand it over if the mail does not arrive. */
    @PostMapping("/{login}/invitation")
    AccountView reinvite(@PathVariable String login) {
        AccountAdministration.Invited invited = administration.reinvite(login, CurrentGrants.subject());
        return AccountViews.full(invited.account(), invited.invitationUrl(), clock);
    }

    private static <T> Set<T> nonNull(Set<T> roles) {
        if (roles == null) {
            throw InvalidInput.field("roles", "la liste des rôles est requise (vide pour les retirer tous)");
        }
        return roles;
    }
}
