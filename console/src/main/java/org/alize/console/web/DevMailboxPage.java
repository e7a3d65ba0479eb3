package org.alize.console.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's mailbox ({@code /dev/mails}): every mail the services sent, read from the stack's SMTP server.
 * It exists only where {@code alize.console.dev-mailbox-url} is set, which only the local stack does; it is readable
 * without logging in, since the first mail of a new account (its invitation) comes before any login.
 */
@Controller
@ConditionalOnExpression("'${alize.console.dev-mailbox-url:}'.trim() != ''")
class DevMailboxPage {

    private final URI mailbox;
    private final Json json;
    private final Viewers viewers;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    DevMailboxPage(@Value("${alize.console.dev-mailbox-url}") String mailbox, Json json, Viewers viewers) {
        this.mailbox = URI.create(mailbox.strip() + "/messages");
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/dev/mails")
    String mails(HttpServletRequest request, Model model) throws IOException, InterruptedException {
        if (request.getUserPrincipal() != null) {
            Pages.viewer(viewers, request, model);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(mailbox).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        model.addAttribute("mails", json.list(mapper.readTree(response.body())));
        return "dev-mails";
    }
}
