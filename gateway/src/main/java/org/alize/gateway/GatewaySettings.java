package org.alize.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings: {@code alize.services.<name>.url} for each service (the local stack sets them),
 * and {@code alize.gateway.*} for limits and trust.
 */
@ConfigurationProperties("alize")
public record GatewaySettings(Map<String, Service> services, Gateway gateway) {

    public record Service(URI url) {
    }

    public record Gateway(RateLimit rateLimit, BasinRateLimit basinRateLimit, DataSize maxRequestSize,
            String trustedProxies, Cors cors, Duration timeLimit) {
    }

    public record RateLimit(int perSecond, int burst) {
    }

    /**
     * Each basin's share of the platform: requests per second and burst of all its members' tokens together on
     * its own paths, with {@code basins.<id>} for a basin given more (or less) than the default.
     */
    public record BasinRateLimit(int perSecond, int burst, Map<String, RateLimit> basins) {

        public RateLimit of(String basin) {
            RateLimit own = basins == null ? null : basins.get(basin);
            return own != null ? own : new RateLimit(perSecond, burst);
        }
    }

    public record Cors(List<String> allowedOrigins) {
    }

    public URI url(String service) {
        Service configured = services.get(service);
        if (configured == null || configured.url() == null) {
            throw new IllegalStateException("alize.services." + service + ".url is not set");
        }
        return configured.url();
    }
}
