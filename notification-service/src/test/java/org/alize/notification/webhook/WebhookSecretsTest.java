package org.alize.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static WebhookSecrets secrets(String password) {
        return new WebhookSecrets(new WebhookSettings(null, 0, null, null, false, List.of(), 0, password));
    }

    @Test
    void a_secret_is_sealed_for_its_webhook_and_opens_with_the_same_password_on_any_instance() {
        String secret = WebhookSigner.newSecret();
        WebhookSecrets one = secrets("a-long-enough-password");
        String sealed = one.seal("wh-1", secret);

        assertThat(sealed).startsWith(WebhookSecrets.PREFIX).doesNotContain(secret.substring("whsec_".length()));
        assertThat(one.seal("wh-1", secret)).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(secrets("a-long-enough-password").open("wh-1", sealed)).as("another instance").isEqualTo(secret);
        assertThatThrownBy(() -> one.open("wh-2", sealed)).as("copied onto another webhook")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets("another-long-password").open("wh-1", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryption-password");
    }

    @Test
    void a_secret_stored_in_clear_by_an_earlier_version_still_opens_and_no_password_means_no_start() {
        assertThat(secrets("a-long-enough-password").open("wh-1", "whsec_ancien")).isEqualTo("whsec_ancien");
        for (String weak : new String[] {null, "", "trop-court"}) {
            assertThatThrownBy(() -> secrets(weak)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("alize.webhooks.encryption-password");
        }
        assertThat(new WebhookSettings(null, 0, null, null, false, List.of(), 0, "a-long-enough-password").toString())
                .doesNotContain("a-long-enough-password");
    }
}
