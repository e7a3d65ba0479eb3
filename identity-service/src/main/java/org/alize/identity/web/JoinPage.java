package org.alize.identity.web;

import java.security.Principal;

import org.alize.identity.account.AccountAdministration;
import org.alize.identity.account.BasinInvitations.BasinInvitation;
import org.alize.kernel.problem.ApiProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the holder of an existing account, logged in, accepts to join a basin that invited them: the basin's
 * roles are granted only then (French page, CSRF-protected; the login page comes first when needed).
 */
@Controller
class JoinPage {

    private final AccountAdministration administration;

    JoinPage(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/rejoindre")
    String form(@RequestParam(name = "jeton", required = false) String token, Principal person, Model model) {
        try {
            BasinInvitation invitation = administration.basinInvitation(token);
            if (!invitation.login().equals(person.getName())) {
                model.addAttribute("invalid", "Cette invitation est adressée à un autre compte : déconnectez-vous puis "
                        + "connectez-vous avec le compte qui l'a reçue.");
                return "join";
            }
            model.addAttribute("token", token);
            model.addAttribute("basin", invitation.basin());
            model.addAttribute("roles", invitation.roles());
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
        }
        return "join";
    }

    @PostMapping("/rejoindre")
    String accept(@RequestParam(name = "jeton", required = false) String token, Principal person, Model model) {
        try {
            BasinInvitation invitation = administration.basinInvitation(token);
            administration.joinBasin(token, person.getName());
            model.addAttribute("joined", invitation.basin());
        } catch (ApiProblem e) {
            model.addAttribute("invalid", e.detail());
        } catch (AccessDeniedException e) {
            model.addAttribute("invalid", e.getMessage());
        }
        return "join";
    }
}
