package org.alize.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The local stack's mailbox: an SMTP server (GreenMail, on the loopback address) that identity-service and
 * notification-service send to, so that no mail of the demo leaves the machine, and a read-only JSON view of what it
 * received ({@code GET /messages}, the newest first, at most {@value #SHOWN}) that the console shows at
 * {@code /dev/mails}. Mails live in memory: a restart of the stack empties the box.
 */
public final class DevMailbox implements AutoCloseable {

    static final int SHOWN = 200;

    /** A mail as received: its recipients, subject, and its plain-text and HTML bodies. */
    public record Received(List<String> to, String subject, Instant receivedAt, String text, String html) {
    }

    private final GreenMail smtp;
    private final HttpServer http;

    private DevMailbox(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    /**
     * @param reserved the ports already chosen for the stack's services and infrastructure, not bound yet: the mailbox
     *                 never takes one of them
     */
    public static DevMailbox start(java.util.Collection<Integer> reserved) {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(reserved), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", freePort(reserved)), 0);
            DevMailbox mailbox = new DevMailbox(smtp, http);
            http.createContext("/messages", exchange -> {
                byte[] body = mailbox.json().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return mailbox;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException(e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    /** Where the console reads the mails: {@code <url>/messages}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Every mail received, the oldest first. */
    public List<Received> messages() {
        List<Received> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                Address[] to = message.getRecipients(Message.RecipientType.TO);
                received.add(new Received(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                        message.getSubject(), message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant(),
                        part(message, "text/plain"), part(message, "text/html")));
            } catch (MessagingException | IOException e) {
                received.add(new Received(List.of(), "(illisible : " + e.getMessage() + ")", null, null, null));
            }
        }
        return received;
    }

    /** The mails received for {@code address}, the oldest first. */
    public List<Received> messagesTo(String address) {
        return messages().stream().filter(m -> m.to().stream().anyMatch(t -> t.equalsIgnoreCase(address))).toList();
    }

    private String json() {
        List<Received> all = messages();
        StringBuilder out = new StringBuilder("[");
        for (int i = all.size() - 1, n = 0; i >= 0 && n < SHOWN; i--, n++) {
            Received m = all.get(i);
            out.append(n == 0 ? "" : ",").append("{\"to\":[");
            for (int t = 0; t < m.to().size(); t++) {
                out.append(t == 0 ? "" : ",").append(quote(m.to().get(t)));
            }
            out.append("],\"subject\":").append(quote(m.subject()))
                    .append(",\"receivedAt\":").append(quote(m.receivedAt() == null ? null : m.receivedAt().toString()))
                    .append(",\"text\":").append(quote(m.text()))
                    .append(",\"html\":").append(quote(m.html())).append('}');
        }
        return out.append(']').toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort(java.util.Collection<Integer> reserved) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (!reserved.contains(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port outside the stack's own");
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
