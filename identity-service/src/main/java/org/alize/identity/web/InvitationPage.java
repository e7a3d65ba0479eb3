package org.alize.identity.web;

import org.alize.identity.account.Account;
import org.alize.identity.account.AccountAdministration;
import org.alize.kernel.problem.ApiProblem;
import org.alize.kernel.problem.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Where an invited person chooses a password: a French page (with CSRF protection) for people, and the
 * same operation as JSON for tools. The secret token of the invitation is the credential.
 */
@Controller
class InvitationPage {

    record Acceptance(String token, String password) {
    }

    record Accepted(String login, String status) {
    }

    private final AccountAdministration administration;

    InvitationPage(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/invitation")
    String form(@RequestParam(name = "jeton", required = false) String token, Model model) {
        try {
            Account account = administration.invited(token);
            model.addAttribute("token", token);
            model.addAttribute("login", account.login());
            model.addAttribute("displayName", account.displayName());
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
        }
        return "invitation";
    }

    @PostMapping("/invitation")
    String accept(@RequestParam(name = "jeton", required = false) String token, @RequestParam String password,
            @RequestParam String confirmation, Model model) {
        try {
            if (!password.equals(confirmation)) {
                throw InvalidInput.field("confirmation", "les deux saisies diffèrent");
            }
            administration.acceptInvitation(token, password);
            return "redirect:/login?active";
        } catch (InvalidInput e) {
            Account account = administration.invited(token);
            model.addAttribute("token", token);
            model.addAttribute("login", account.login());
            model.addAttribute("displayName", account.displayName());
            model.addAttribute("error", e.detail());
            return "invitation";
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
            return "invitation";
        }
    }

    @PostMapping(path = "/api/invitations/accept", consumes = "application/json", produces = "application/json")
    @ResponseBody
    @ResponseStatus(HttpStatus.OK)
    Accepted acceptJson(@RequestBody Acceptance request) {
        Account account = administration.acceptInvitation(request.token(), request.password());
        return new Accepted(account.login(), account.status().name());
    }
}
