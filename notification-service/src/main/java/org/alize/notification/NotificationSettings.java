package org.alize.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code alize.notification.*}.
 *
 * @param smtp       the SMTP server; a blank host means no mail is sent (each is recorded as not sent, never retried)
 * @param from       the sender of every mail
 * @param consoleUrl the console's public address, for the links in the mails
 */
@ConfigurationProperties("alize.notification")
public record NotificationSettings(Smtp smtp, String from, URI consoleUrl) {

    public NotificationSettings {
        smtp = smtp == null ? new Smtp(null, 587, null, null, true) : smtp;
        from = from == null || from.isBlank() ? "ne-pas-repondre@alize.example" : from.strip();
        consoleUrl = consoleUrl == null ? URI.create("http://localhost:8080") : consoleUrl;
    }

    public record Smtp(String host, int port, String username, String password, boolean starttls) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
