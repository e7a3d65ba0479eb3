package org.alize.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.identity.account.SecondFactors;
import org.alize.identity.account.Totp;
import org.alize.kernel.problem.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login that requires it: the code of the authenticator application (or a recovery code), and,
 * the first time, the page that configures the application (its key, to type or to open as an {@code otpauth:}
 * link) and shows the recovery codes once. Both only for a session whose password step just succeeded.
 */
@Controller
class SecondFactorPage {

    private static final String SECRET = "alize.second-factor.secret";

    private final SecondFactors factors;
    private final SecondFactorLogin logins;

    SecondFactorPage(SecondFactors factors, SecondFactorLogin logins) {
        this.factors = factors;
        this.logins = logins;
    }

    @GetMapping("/connexion/code")
    String code(HttpServletRequest request, Model model) {
        SecondFactorLogin.Pending pending = SecondFactorLogin.pending(request);
        if (pending == null || !factors.enrolled(pending.login())) {
            return "redirect:/login";
        }
        model.addAttribute("login", pending.login());
        return "second-factor";
    }

    @PostMapping("/connexion/code")
    String confirm(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        SecondFactorLogin.Pending pending = SecondFactorLogin.pending(request);
        if (pending == null || !factors.enrolled(pending.login())) {
            return "redirect:/login";
        }
        if (factors.verify(pending.login(), code)) {
            return "redirect:" + logins.complete(request, response, pending);
        }
        if (!SecondFactorLogin.wrongCode(request, pending)) {
            return "redirect:/login?codes";
        }
        model.addAttribute("login", pending.login());
        model.addAttribute("error", "Code incorrect ou déjà utilisé : saisissez le code affiché maintenant par l'application.");
        return "second-factor";
    }

    @GetMapping("/connexion/configuration")
    String configure(HttpServletRequest request, Model model) {
        SecondFactorLogin.Pending pending = SecondFactorLogin.pending(request);
        if (pending == null || factors.enrolled(pending.login())) {
            return pending == null ? "redirect:/login" : "redirect:/connexion/code";
        }
        show(request, pending, model);
        return "second-factor-setup";
    }

    @PostMapping("/connexion/configuration")
    String enrol(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        SecondFactorLogin.Pending pending = SecondFactorLogin.pending(request);
        Object secret = request.getSession().getAttribute(SECRET);
        if (pending == null || factors.enrolled(pending.login()) || !(secret instanceof String key)) {
            return "redirect:/login";
        }
        try {
            List<String> recoveryCodes = factors.enrol(pending.login(), key, code);
            request.getSession().removeAttribute(SECRET);
            model.addAttribute("recoveryCodes", recoveryCodes);
            model.addAttribute("next", logins.complete(request, response, pending));
            return "second-factor-codes";
        } catch (InvalidInput e) {
            if (!SecondFactorLogin.wrongCode(request, pending)) {
                request.getSession().removeAttribute(SECRET);
                return "redirect:/login?codes";
            }
            show(request, pending, model);
            model.addAttribute("error", "Ce code ne correspond pas : vérifiez que l'heure du téléphone est juste, puis saisissez "
                    + "le code affiché maintenant.");
            return "second-factor-setup";
        }
    }

    /** The key of the application being configured: one per session until it is confirmed. */
    private void show(HttpServletRequest request, SecondFactorLogin.Pending pending, Model model) {
        String secret = request.getSession().getAttribute(SECRET) instanceof String kept ? kept : Totp.newSecret();
        request.getSession().setAttribute(SECRET, secret);
        model.addAttribute("login", pending.login());
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("uri", factors.uri(pending.login(), secret));
    }
}
