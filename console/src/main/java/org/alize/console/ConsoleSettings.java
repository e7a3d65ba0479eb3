package org.alize.console;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code alize.console.*}.
 *
 * @param gatewayUrl  where the console calls the APIs (the gateway, on the internal network)
 * @param identity    the OpenID Connect provider: its public URL (the browser is sent there to log in, and
 *                    the issuer of the tokens) and the URL the console reaches it at (token, keys)
 * @param clientId    the console's client at the provider (confidential, code + PKCE)
 * @param timeout     the longest an API call may take before the page says the service is unavailable
 */
@ConfigurationProperties("alize.console")
public record ConsoleSettings(URI gatewayUrl, Identity identity, @DefaultValue("console") String clientId,
        String clientSecret, @DefaultValue("10s") Duration timeout) {

    public record Identity(URI publicUrl, URI internalUrl) {

        public URI internal() {
            return internalUrl == null ? publicUrl : internalUrl;
        }
    }
}
