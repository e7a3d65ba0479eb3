package org.alize.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.identity.IdentitySettings;
import org.alize.identity.account.SecondFactors;
import org.alize.identity.account.Totp;
import org.alize.kernel.problem.InvalidInput;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login that requires it: the code of the authenticator application (or a recovery code), and,
 * the first time, the page that configures the application (its key, to type or to open as an {@code otpauth:}
 * link) and shows the recovery codes once. Both for a session whose password step just succeeded; the configuration
 * also for someone signed in who turns the second factor on of their own accord (from the console's « Mon compte »):
 * from then on their logins ask for the code too.
 */
@Controller
class SecondFactorPage {

    private static final String SECRET = "alize.second-factor.secret";

    private final SecondFactors factors;
    private final SecondFactorLogin logins;
    private final IdentitySettings settings;
    private final RequestCache requests = new HttpSessionRequestCache();

    SecondFactorPage(SecondFactors factors, SecondFactorLogin logins, IdentitySettings settings) {
        this.factors = factors;
        this.logins = logins;
        this.settings = settings;
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
    String configure(HttpServletRequest request, HttpServletResponse response, Model model) {
        SecondFactorLogin.Pending pending = SecondFactorLogin.pending(request);
        if (pending == null) {
            String login = signedIn();
            if (login == null) { // signed in first, then back here
                requests.saveRequest(request, response);
                return "redirect:/login";
            }
            if (factors.enrolled(login)) {
                model.addAttribute("login", login);
                model.addAttribute("next", settings.consoleHome());
                return "second-factor-enrolled";
            }
            show(request, login, model);
            model.addAttribute("voluntary", true);
            return "second-factor-setup";
        }
        if (factors.enrolled(pending.login())) {
            return "redirect:/connexion/code";
        }
        show(request, pending.login(), model);
        return "second-factor-setup";
    }

    @PostMapping("/connexion/configuration")
    String enrol(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        SecondFactorLogin.Pending pending = SecondFactorLogin.pending(request);
        Object secret = request.getSession().getAttribute(SECRET);
        if (pending == null) {
            return enrolSignedIn(code, secret, request, model);
        }
        if (factors.enrolled(pending.login()) || !(secret instanceof String key)) {
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
            show(request, pending.login(), model);
            model.addAttribute("error", WRONG_CODE);
            return "second-factor-setup";
        }
    }

    private static final String WRONG_CODE = "Ce code ne correspond pas : vérifiez que l'heure du téléphone est juste, "
            + "puis saisissez le code affiché maintenant.";

    /**
     * Someone signed in turns the factor on: a wrong code shows the page again (their password is already proven;
     * each wrong code is not a guess at it), a right one shows the recovery codes once.
     */
    private String enrolSignedIn(String code, Object secret, HttpServletRequest request, Model model) {
        String login = signedIn();
        if (login == null || factors.enrolled(login) || !(secret instanceof String key)) {
            return "redirect:/connexion/configuration";
        }
        try {
            List<String> recoveryCodes = factors.enrol(login, key, code);
            request.getSession().removeAttribute(SECRET);
            model.addAttribute("recoveryCodes", recoveryCodes);
            model.addAttribute("next", settings.consoleHome());
            return "second-factor-codes";
        } catch (InvalidInput e) {
            show(request, login, model);
            model.addAttribute("voluntary", true);
            model.addAttribute("error", WRONG_CODE);
            return "second-factor-setup";
        }
    }

    /** The login of the session's full authentication (password, and code if one was asked); null for none. */
    private static String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
    }

    /** The key of the application being configured: one per session until it is confirmed. */
    private void show(HttpServletRequest request, String login, Model model) {
        String secret = request.getSession().getAttribute(SECRET) instanceof String kept ? kept : Totp.newSecret();
        request.getSession().setAttribute(SECRET, secret);
        model.addAttribute("login", login);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("uri", factors.uri(login, secret));
    }
}
