package org.alize.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The signature as Standard Webhooks defines it, and the addresses a webhook may not reach. */
class WebhookRulesTest {

    @Test
    void the_signature_is_the_standard_webhooks_one() {
        // the specification's own example (standard-webhooks, « Signature scheme »)
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = WebhookSigner.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(WebhookSigner.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
                "v1,bm90IHRoaXMgb25l " + signature)).as("one of several signatures (a secret being replaced)").isTrue();
        assertThat(WebhookSigner.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, "{\"test\": 2432232314}",
                signature)).as("another timestamp").isFalse();
        assertThat(WebhookSigner.newSecret()).startsWith("whsec_").hasSize(6 + 44).isNotEqualTo(WebhookSigner.newSecret());
    }

    @Test
    void addresses_inside_the_platform_are_internal() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1")) {
            assertThat(Destinations.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("8.8.8.8", "193.51.24.1", "2001:4860:4860::8888")) {
            assertThat(Destinations.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void a_webhook_address_is_https_public_and_bounded() throws Exception {
        Destinations strict = new Destinations(new WebhookSettings(null, 0, null, null, false, List.of(), 0, null));
        for (String refused : List.of("http://93.184.215.14/hook", "ftp://93.184.215.14/hook", "https://user:pw@93.184.215.14/",
                "https://93.184.215.14/hook#x", "https:///nohost", "https://169.254.169.254/latest/meta-data",
                "https://127.0.0.1:8443/", "https://[::1]/", "https://" + "a".repeat(600) + ".fr/", "pas une adresse",
                "https://localhost/hook")) {
            assertThatThrownBy(() -> strict.check(refused)).as(refused).isInstanceOf(Destinations.Refused.class);
        }
        Destinations local = new Destinations(new WebhookSettings(List.of(Duration.ofSeconds(1)), 0, null, null, true,
                List.of("127.0.0.1"), 0, null));
        assertThat(local.check("http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
        assertThatThrownBy(() -> local.check("http://10.0.0.1/")).isInstanceOf(Destinations.Refused.class)
                .hasMessageContaining("adresse interne");
    }
}
