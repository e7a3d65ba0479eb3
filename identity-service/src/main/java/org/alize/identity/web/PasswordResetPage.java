package org.alize.identity.web;

import java.util.Map;

import org.alize.identity.account.Account;
import org.alize.identity.account.PasswordResets;
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
 * « Mot de passe oublié » : the page that asks for the address, and the one the mailed link opens to choose the
 * new password (French pages with CSRF protection); the same two operations as JSON for tools.
 */
@Controller
class PasswordResetPage {

    record ResetRequest(String email) {
    }

    record ResetConfirmation(String token, String password) {
    }

    record PasswordSet(String login) {
    }

    private final PasswordResets resets;

    PasswordResetPage(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/mot-de-passe-oublie")
    String form() {
        return "password-forgotten";
    }

    @PostMapping("/mot-de-passe-oublie")
    String request(@RequestParam(required = false) String email, Model model) {
        try {
            resets.request(email);
            model.addAttribute("sent", PasswordResets.ANSWER);
        } catch (InvalidInput e) {
            model.addAttribute("email", email == null || email.length() > 254 ? "" : email);
            model.addAttribute("error", "Adresse électronique invalide : vérifiez-la.");
        }
        return "password-forgotten";
    }

    @GetMapping("/mot-de-passe/nouveau")
    String choose(@RequestParam(name = "jeton", required = false) String token, Model model) {
        try {
            holder(token, model);
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
        }
        return "password-reset";
    }

    @PostMapping("/mot-de-passe/nouveau")
    String reset(@RequestParam(name = "jeton", required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, Model model) {
        try {
            if (password == null || !password.equals(confirmation)) {
                throw InvalidInput.field("confirmation", "les deux saisies diffèrent");
            }
            resets.reset(token, password);
            return "redirect:/login?reinitialise";
        } catch (InvalidInput e) {
            try {
                holder(token, model);
                model.addAttribute("error", e.detail());
            } catch (ApiProblem gone) {
                model.addAttribute("invalid", gone.detail());
            }
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
        }
        return "password-reset";
    }

    @PostMapping(path = "/api/password-resets", consumes = "application/json", produces = "application/json")
    @ResponseBody
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> requestJson(@RequestBody ResetRequest request) {
        resets.request(request.email());
        return Map.of("detail", PasswordResets.ANSWER);
    }

    @PostMapping(path = "/api/password-resets/confirm", consumes = "application/json", produces = "application/json")
    @ResponseBody
    PasswordSet resetJson(@RequestBody ResetConfirmation request) {
        return new PasswordSet(resets.reset(request.token(), request.password()).login());
    }

    private void holder(String token, Model model) {
        Account account = resets.holder(token);
        model.addAttribute("token", token);
        model.addAttribute("login", account.login());
        model.addAttribute("displayName", account.displayName());
    }
}
