package org.alize.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.NetworkRole;

/** What the API shows of an account: all of it to ASTREES, its part in one basin to that basin's operator. */
public final class AccountViews {

    private AccountViews() {
    }

    public record AccountView(String login, String displayName, String email, AccountStatus status, boolean locked,
            Instant lockedUntil, Instant lastLoginAt, Instant invitationExpiresAt, Set<NetworkRole> networkRoles,
            Map<String, Set<BasinRole>> basins, Map<String, Set<BasinRole>> grantedBasinRoles,
            Map<String, Set<BasinRole>> appointedBasinRoles, Instant createdAt, String createdBy,
            List<AccountChange> history, boolean secondFactorEnrolled, String invitationUrl) {
    }

    public record BasinAccountView(String login, String displayName, String email, AccountStatus status, boolean locked,
            Set<BasinRole> roles, Set<BasinRole> grantedRoles, Set<BasinRole> appointedRoles,
            Instant invitationExpiresAt, Instant lastLoginAt) {
    }

    public static AccountView full(Account account, String invitationUrl, Clock clock) {
        Map<String, Set<BasinRole>> effective = new TreeMap<>();
        account.grants().basins().forEach((basin, roles) -> effective.put(basin.value(), new TreeSet<>(roles)));
        Map<String, Set<BasinRole>> granted = new TreeMap<>();
        Map<String, Set<BasinRole>> appointed = new TreeMap<>();
        effective.keySet().forEach(basin -> {
            Set<BasinRole> g = account.grantedRolesIn(BasinId.of(basin));
            Set<BasinRole> a = account.appointedRolesIn(BasinId.of(basin));
            if (!g.isEmpty()) {
                granted.put(basin, new TreeSet<>(g));
            }
            if (!a.isEmpty()) {
                appointed.put(basin, new TreeSet<>(a));
            }
        });
        return new AccountView(account.login(), account.displayName(), account.email(), account.status(),
                account.lockedAt(clock.instant()), account.lockedUntil(), account.lastLoginAt(),
                account.invitation() == null ? null : account.invitation().expiresAt(),
                new TreeSet<>(account.networkRoles()), effective, granted, appointed, account.createdAt(),
                account.createdBy(), account.history(), account.secondFactor() != null, invitationUrl);
    }

    public static BasinAccountView inBasin(Account account, BasinId basin, Clock clock) {
        return new BasinAccountView(account.login(), account.displayName(), account.email(), account.status(),
                account.lockedAt(clock.instant()), new TreeSet<>(account.grants().rolesIn(basin)),
                new TreeSet<>(account.grantedRolesIn(basin)), new TreeSet<>(account.appointedRolesIn(basin)),
                account.invitation() == null ? null : account.invitation().expiresAt(), account.lastLoginAt());
    }
}
