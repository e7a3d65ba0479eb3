package org.alize.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.alize.identity.IdentitySettings;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

class OwnAccountTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void the_confirmation_pressed_twice_at_once_changes_the_address_once_and_tells_the_former_address_once() {
        Invitation.Issued link = Invitation.issue(NOW, Duration.ofHours(24));
        Account pressedSecond = pending(link);
        Account afterFirst = pending(link);
        afterFirst.confirmEmailChange(NOW);
        Accounts accounts = mock(Accounts.class);
        when(accounts.findByEmailChange(link.token())).thenReturn(Optional.of(pressedSecond));
        when(accounts.save(any())).thenThrow(new OptimisticLockingFailureException("version 3 is gone"));
        when(accounts.get("karim.benali")).thenReturn(afterFirst);
        InvitationSender sender = mock(InvitationSender.class);
        OwnAccount own = new OwnAccount(accounts, sender, NoOpPasswordEncoder.getInstance(),
                new IdentitySettings("http://localhost:9000", "alize", null, null, null, null, null, null, null),
                Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

        Account confirmed = own.confirm(link.token());

        assertThat(confirmed.email()).isEqualTo("karim@nouvelle.example");
        verify(sender, never()).later(any());
    }

    private static Account pending(Invitation.Issued link) {
        Account account = Account.invite("karim.benali", "Karim Benali", "karim@example.fr",
                Invitation.issue(NOW, Duration.ofDays(7)).invitation(), "astrees", NOW);
        account.acceptInvitation("{noop}x", NOW);
        account.requestEmailChange("karim@nouvelle.example", link.invitation(), Duration.ofMinutes(1), NOW);
        return account;
    }
}
