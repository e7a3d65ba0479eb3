package org.alize.identity.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import org.alize.identity.IdentitySettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The development token endpoint exists only where the local stack turns it on, and never for a public issuer. */
class DevTokensTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(SigningKeys.class, () -> mock(SigningKeys.class))
            .withUserConfiguration(DevTokens.Endpoint.class);

    @Test
    void off_unless_the_local_stack_turns_it_on() {
        context.run(off -> assertThat(off).doesNotHaveBean(DevTokens.Endpoint.class));
        context.withPropertyValues("alize.identity.dev-tokens.enabled=false")
                .run(off -> assertThat(off).doesNotHaveBean(DevTokens.Endpoint.class));
        context.withPropertyValues("alize.identity.dev-tokens.enabled=true")
                .run(on -> assertThat(on).hasSingleBean(DevTokens.Endpoint.class));
    }

    @Test
    void refuses_to_start_for_an_issuer_that_is_not_on_this_machine() {
        assertThatThrownBy(() -> new DevTokens(settings("https://connexion.alize.astrees.fr")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("local stack only");
        assertThatThrownBy(() -> new DevTokens(settings("http://identity-service:9000")))
                .isInstanceOf(IllegalStateException.class);
        new DevTokens(settings("http://localhost:9000"));
    }

    private static IdentitySettings settings(String issuer) {
        return new IdentitySettings(issuer, "alize", null, null, null, null, null, null, null);
    }
}
