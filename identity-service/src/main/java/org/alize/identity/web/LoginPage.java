package org.alize.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The French login page; the form posts to Spring Security's {@code /login}. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (request.getParameter("error") != null) {
            model.addAttribute("error", message(request.getSession(false)));
        }
        if (request.getParameter("deconnecte") != null) {
            model.addAttribute("info", "Vous êtes déconnecté.");
        }
        if (request.getParameter("reinitialise") != null) {
            model.addAttribute("info", "Votre nouveau mot de passe est enregistré et vos autres sessions sont fermées : "
                    + "vous pouvez vous connecter.");
        }
        if (request.getParameter("codes") != null) {
            model.addAttribute("error", "Trop de codes erronés : reconnectez-vous avec votre mot de passe.");
        }
        if (request.getParameter("expiree") != null) {
            model.addAttribute("info", "Votre session a pris fin : le mot de passe du compte a été changé. Reconnectez-vous.");
        }
        if (request.getParameter("active") != null) {
            model.addAttribute("info", "Votre mot de passe est enregistré : vous pouvez vous connecter.");
        }
        return "login";
    }

    private static String message(HttpSession session) {
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException) {
            return "Ce compte est verrouillé pour un moment après plusieurs mots de passe erronés. "
                    + "Réessayez plus tard ou demandez à ASTREES de le déverrouiller.";
        }
        if (failure instanceof DisabledException) {
            return "Ce compte n'est pas actif : suivez le lien de votre invitation ou contactez ASTREES.";
        }
        return "Identifiant ou mot de passe incorrect.";
    }
}
