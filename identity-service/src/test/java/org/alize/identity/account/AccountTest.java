package org.alize.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.alize.kernel.Digests;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.junit.jupiter.api.Test;

class AccountTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final BasinId VALENCIENNOIS = BasinId.of("valenciennois");

    @Test
    void the_token_carries_the_union_of_roles_granted_by_hand_and_by_appointment() {
        Account account = invited();
        account.grantBasinRoles(VALENCIENNOIS, Set.of(BasinRole.PARTNER), "astrees", NOW);
        account.followAppointments(VALENCIENNOIS, "per-1", Set.of(BasinRole.COMMITTEE_MEMBER), NOW);

        assertThat(account.grants().rolesIn(VALENCIENNOIS)).containsExactlyInAnyOrder(BasinRole.PARTNER,
                BasinRole.COMMITTEE_MEMBER);

        account.followAppointments(VALENCIENNOIS, "per-1", Set.of(), NOW);
        assertThat(account.grants().rolesIn(VALENCIENNOIS)).as("the seat ended, the hand grant stays")
                .containsExactly(BasinRole.PARTNER);
        account.grantBasinRoles(VALENCIENNOIS, Set.of(), "astrees", NOW);
        assertThat(account.grants().hasBasin(VALENCIENNOIS)).isFalse();
        assertThat(account.history()).hasSize(5);
    }

    @Test
    void an_invitation_activates_the_account_once_and_not_after_it_expired() {
        Account account = invited();
        assertThat(account.canLogIn(NOW)).isFalse();

        account.acceptInvitation("{bcrypt}hash", NOW.plus(Duration.ofDays(1)));
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.canLogIn(NOW)).isTrue();
        assertThatThrownBy(() -> account.acceptInvitation("{bcrypt}other", NOW)).isInstanceOf(Conflict.class);

        Account late = invited();
        assertThatThrownBy(() -> late.acceptInvitation("{bcrypt}hash", NOW.plus(Duration.ofDays(8))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void a_disabled_account_cannot_log_in_and_comes_back_as_it_was() {
        Account account = invited();
        account.acceptInvitation("{bcrypt}hash", NOW);
        account.disable("départ", "astrees", NOW);
        assertThat(account.canLogIn(NOW)).isFalse();
        account.enable("astrees", NOW);
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void logins_and_addresses_are_checked_field_by_field() {
        assertThatThrownBy(() -> Account.invite("1x", " ", "nope", Invitation.issue(NOW, Duration.ofDays(7)).invitation(),
                "astrees", NOW)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.properties().get("errors"))
                .asString().contains("login", "displayName", "email"));
        assertThat(Account.invite("karim.benali", "Karim", " Karim.Benali@Example.FR ", Invitation.issue(NOW,
                Duration.ofDays(7)).invitation(), "astrees", NOW).email()).isEqualTo("karim.benali@example.fr");
    }

    @Test
    void only_the_hash_of_an_invitation_token_is_kept() {
        Invitation.Issued issued = Invitation.issue(NOW, Duration.ofDays(7));
        assertThat(issued.invitation().tokenHash()).isEqualTo(Digests.sha256Hex(issued.token()))
                .doesNotContain(issued.token());
        assertThat(issued.invitation().expiredAt(NOW.plus(Duration.ofDays(7)))).isTrue();
    }

    @Test
    void a_password_reset_link_is_for_an_active_account_sent_once_per_cooldown_and_used_once() {
        Duration cooldown = Duration.ofMinutes(5);
        Account invitedOnly = invited();
        assertThat(invitedOnly.requestPasswordReset(Invitation.issue(NOW, Duration.ofHours(1)).invitation(), cooldown, NOW))
                .as("an invited account follows its invitation").isFalse();

        Account account = invited();
        account.acceptInvitation("{bcrypt}old", NOW);
        Invitation first = Invitation.issue(NOW, Duration.ofHours(1)).invitation();
        assertThat(account.requestPasswordReset(first, cooldown, NOW)).isTrue();
        assertThat(account.requestPasswordReset(Invitation.issue(NOW, Duration.ofHours(1)).invitation(), cooldown,
                NOW.plus(Duration.ofMinutes(4)))).as("asked again within the cooldown: no second mail").isFalse();
        assertThat(account.passwordReset()).isEqualTo(first);

        account.resetPassword("{bcrypt}new", NOW.plus(Duration.ofMinutes(10)));
        assertThat(account.passwordReset()).as("spent").isNull();
        assertThat(account.passwordHash()).isEqualTo("{bcrypt}new");
        assertThatThrownBy(() -> account.resetPassword("{bcrypt}again", NOW.plus(Duration.ofMinutes(11))))
                .isInstanceOf(Conflict.class);

        Account late = invited();
        late.acceptInvitation("{bcrypt}old", NOW);
        late.requestPasswordReset(Invitation.issue(NOW, Duration.ofHours(1)).invitation(), cooldown, NOW);
        assertThatThrownBy(() -> late.resetPassword("{bcrypt}new", NOW.plus(Duration.ofMinutes(61))))
                .as("expired after its hour").isInstanceOf(Conflict.class);
        late.disable("départ", "astrees", NOW);
        assertThat(late.requestPasswordReset(Invitation.issue(NOW, Duration.ofHours(1)).invitation(), cooldown,
                NOW.plus(Duration.ofHours(2)))).as("a disabled account gets nothing").isFalse();
    }

    @Test
    void the_holder_renames_themselves_within_bounds_and_the_history_says_so() {
        Account account = invited();
        for (String bad : new String[] {null, "   ", "x".repeat(121), "Karim\nBenali", "Karim\u0000"}) {
            assertThatThrownBy(() -> account.rename(bad, NOW)).as(String.valueOf(bad)).isInstanceOf(InvalidInput.class);
        }
        assertThat(account.rename("  Karim Benali  ", NOW)).as("the same name, trimmed: nothing to do").isFalse();
        assertThat(account.rename(" Karim Benali-Roux ", NOW)).isTrue();
        assertThat(account.displayName()).isEqualTo("Karim Benali-Roux");
        assertThat(account.history().get(account.history().size() - 1).what()).contains("Karim Benali-Roux");
    }

    @Test
    void a_new_address_waits_for_its_link_is_asked_once_a_minute_and_becomes_the_account_s_when_confirmed() {
        Duration cooldown = Duration.ofMinutes(1);
        Account account = invited();
        Invitation link = Invitation.issue(NOW, Duration.ofHours(24)).invitation();
        assertThatThrownBy(() -> account.requestEmailChange("karim@ailleurs.fr", link, cooldown, NOW))
                .as("an invited account has not chosen its password yet").isInstanceOf(Conflict.class);
        account.acceptInvitation("{bcrypt}x", NOW);
        for (String bad : new String[] {null, "", "karim", "karim@ailleurs", "a".repeat(250) + "@x.fr", "k@a.fr\r\nBcc: x@y.fr",
                " Karim@Example.FR "}) {
            assertThatThrownBy(() -> account.requestEmailChange(bad, link, cooldown, NOW)).as(String.valueOf(bad))
                    .isInstanceOf(InvalidInput.class);
        }
        assertThat(account.emailChange()).as("nothing refused is kept").isNull();

        account.requestEmailChange(" Karim@Ailleurs.FR ", link, cooldown, NOW);
        assertThat(account.emailChange().email()).isEqualTo("karim@ailleurs.fr");
        assertThat(account.emailChange().tokenHash()).isEqualTo(link.tokenHash());
        assertThat(account.email()).as("unchanged until confirmed").isEqualTo("karim@example.fr");
        assertThatThrownBy(() -> account.requestEmailChange("karim@autre.fr", Invitation.issue(NOW, Duration.ofHours(24))
                .invitation(), cooldown, NOW.plusSeconds(59))).isInstanceOf(Conflict.class);

        Invitation second = Invitation.issue(NOW.plusSeconds(61), Duration.ofHours(24)).invitation();
        account.requestEmailChange("karim@autre.fr", second, cooldown, NOW.plusSeconds(61));
        assertThat(account.emailChange().tokenHash()).as("the first link no longer works").isEqualTo(second.tokenHash());
        account.requestPasswordReset(Invitation.issue(NOW, Duration.ofHours(1)).invitation(), Duration.ofMinutes(5),
                NOW.plusSeconds(62));

        assertThat(account.confirmEmailChange(NOW.plusSeconds(120))).isEqualTo("karim@example.fr");
        assertThat(account.email()).isEqualTo("karim@autre.fr");
        assertThat(account.emailChange()).isNull();
        assertThat(account.passwordReset()).as("a reset link sent to the former address dies").isNull();
        assertThatThrownBy(() -> account.confirmEmailChange(NOW.plusSeconds(121))).as("spent").isInstanceOf(Conflict.class);

        Account late = invited();
        late.acceptInvitation("{bcrypt}x", NOW);
        late.requestEmailChange("karim@tard.fr", link, cooldown, NOW);
        assertThatThrownBy(() -> late.confirmEmailChange(NOW.plus(Duration.ofHours(24))))
                .as("expired after 24 hours").isInstanceOf(Conflict.class);
        assertThat(late.cancelEmailChange(NOW)).isTrue();
        assertThat(late.emailChange()).isNull();
        assertThat(late.cancelEmailChange(NOW)).as("nothing left to cancel").isFalse();
    }

    private static Account invited() {
        return Account.invite("karim.benali", "Karim Benali", "karim@example.fr",
                Invitation.issue(NOW, Duration.ofDays(7)).invitation(), "astrees", NOW);
    }
}
