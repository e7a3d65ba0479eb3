package org.alize.notification.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code alize.webhooks.*}: how the basins' webhooks are delivered.
 *
 * @param retryDelays    the waits after each failed attempt: a delivery is tried once, then once after each of them
 * @param disableAfter   consecutive failed attempts (across deliveries) after which a subscription is disabled
 * @param timeout        the most an attempt waits to connect, and then for the answer
 * @param retention      how long a finished delivery stays in the log
 * @param allowHttp      whether {@code http://} addresses are accepted (local stack and tests only: anywhere else a
 *                       payload and its signature travel in clear)
 * @param trustedHosts   host names or addresses a webhook may reach although they are private or loopback (the local
 *                       stack's receiver, a test's); every other private, loopback, link-local or multicast address is
 *                       refused when subscribing and again at each attempt
 * @param maxPerBasin    subscriptions a basin may have
 * @param encryptionPassword what the key sealing the signing secrets at rest is derived from (16 characters or more,
 *                       the same on every instance; required)
 */
@ConfigurationProperties("alize.webhooks")
public record WebhookSettings(List<Duration> retryDelays, int disableAfter, Duration timeout, Duration retention,
        boolean allowHttp, List<String> trustedHosts, int maxPerBasin, String encryptionPassword) {

    public WebhookSettings {
        retryDelays = retryDelays == null || retryDelays.isEmpty() ? List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12)) : List.copyOf(retryDelays);
        disableAfter = disableAfter <= 0 ? 20 : disableAfter;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(10) : timeout;
        retention = retention == null || retention.isZero() || retention.isNegative() ? Duration.ofDays(30) : retention;
        trustedHosts = trustedHosts == null ? List.of() : List.copyOf(trustedHosts);
        maxPerBasin = maxPerBasin <= 0 ? 20 : maxPerBasin;
    }

    @Override
    public String toString() {
        // never the password in a log or an actuator page
        return "WebhookSettings[retryDelays=" + retryDelays + ", disableAfter=" + disableAfter + ", timeout=" + timeout
                + ", retention=" + retention + ", allowHttp=" + allowHttp + ", trustedHosts=" + trustedHosts
                + ", maxPerBasin=" + maxPerBasin + ", encryptionPassword=" + (encryptionPassword == null ? "unset" : "***")
                + "]";
    }

    /** Attempts a delivery gets in all. */
    public int maxAttempts() {
        return retryDelays.size() + 1;
    }

    Set<String> trusted() {
        return trustedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
