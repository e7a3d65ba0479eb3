package org.alize.identity.web;

import org.alize.identity.IdentitySettings;
import org.alize.identity.account.Account;
import org.alize.identity.account.OwnAccount;
import org.alize.kernel.problem.ApiProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the link sent to a new address opens: it names the account and the address, and the change happens only
 * when the button is pressed (a mail scanner following the link changes nothing). No login is asked: the link proves
 * the mailbox, the request behind it was made with the account's password.
 */
@Controller
class EmailChangePage {

    private final OwnAccount own;
    private final IdentitySettings settings;

    EmailChangePage(OwnAccount own, IdentitySettings settings) {
        this.own = own;
        this.settings = settings;
    }

    @GetMapping("/adresse/confirmation")
    String show(@RequestParam(name = "jeton", required = false) String token, Model model) {
        try {
            Account account = own.pending(token);
            model.addAttribute("token", token);
            model.addAttribute("login", account.login());
            model.addAttribute("newEmail", account.emailChange().email());
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
        }
        model.addAttribute("consoleHome", settings.consoleHome());
        return "email-change";
    }

    @PostMapping("/adresse/confirmation")
    String confirm(@RequestParam(name = "jeton", required = false) String token, Model model) {
        try {
            Account account = own.confirm(token);
            model.addAttribute("confirmed", account.email());
            model.addAttribute("login", account.login());
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
        }
        model.addAttribute("consoleHome", settings.consoleHome());
        return "email-change";
    }
}
