package org.alize.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.alize.console.ConsoleSettings;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.alize.console.security.OpenSessions;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * « Mon compte »: who the platform knows the viewer as (name, login, address — the name and the address theirs to
 * change, a new address confirmed from its mailbox), their roles in the network and in each
 * basin, their mail preferences in each basin where they stand for a person, and where the provider lets them change
 * their password and their second factor; their open sessions, each closable from another.
 */
@Controller
class AccountPage {

    private final Viewers viewers;
    private final ConsoleSettings settings;
    private final OpenSessions sessions;
    private final Api api;

    AccountPage(Viewers viewers, ConsoleSettings settings, OpenSessions sessions, Api api) {
        this.viewers = viewers;
        this.settings = settings;
        this.sessions = sessions;
        this.api = api;
    }

    @GetMapping("/mon-compte")
    String account(HttpServletRequest request, Model model) {
        Viewer viewer = Pages.viewer(viewers, request, model);
        Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        // the provider's record as it is now (the login's claims are as they were at login)
        try {
            JsonNode me = api.get("/api/me");
            model.addAttribute("displayName", me.path("displayName").asString(viewer.name()));
            model.addAttribute("email", me.path("email").isString() ? me.path("email").asString() : null);
            model.addAttribute("pendingEmail", me.path("pendingEmail").isString() ? me.path("pendingEmail").asString() : null);
            model.addAttribute("pendingEmailExpiresAt", me.path("pendingEmailExpiresAt").isString()
                    ? java.time.Instant.parse(me.path("pendingEmailExpiresAt").asString()) : null);
            model.addAttribute("editable", true);
        } catch (ApiException e) {
            model.addAttribute("displayName", viewer.name());
            model.addAttribute("email", principal instanceof OidcUser user ? user.getEmail() : null);
            model.addAttribute("editable", false);
        }
        List<Map<String, Object>> basins = new ArrayList<>();
        for (String basin : viewer.basinIds()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("basinId", basin);
            row.put("roles", viewer.rolesIn(basin));
            row.put("person", viewer.personIn(basin) != null);
            basins.add(row);
        }
        model.addAttribute("basins", basins);
        String identity = settings.identity().publicUrl().toString().replaceAll("/+$", "");
        model.addAttribute("passwordLink", identity + "/mot-de-passe-oublie");
        model.addAttribute("secondFactorLink", identity + "/connexion/configuration");
        HttpSession session = request.getSession(false);
        model.addAttribute("sessions", sessions.of(principal(), session == null ? null : session.getId()));
        return "account";
    }

    /** The viewer's new name: on the provider's record, and at once in this session's pages. */
    @PostMapping("/mon-compte/nom")
    String rename(@RequestParam(name = "nom", required = false) String name, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        JsonNode[] renamed = new JsonNode[1];
        if (Pages.attempt(flash, "Votre nom est changé.",
                () -> renamed[0] = api.put("/api/me/display-name", Api.body("displayName", name)))) {
            showName(renamed[0].path("displayName").asString(), request, response);
        }
        return "redirect:/mon-compte";
    }

    /** Asks for a new address, with the current password: the provider sends the confirmation link there. */
    @PostMapping("/mon-compte/adresse")
    String changeEmail(@RequestParam(name = "adresse", required = false) String email,
            @RequestParam(name = "motDePasse", required = false) String password, RedirectAttributes flash) {
        try {
            JsonNode answer = api.post("/api/me/email-change", Api.body("email", email, "currentPassword", password));
            Pages.done(flash, answer.path("detail").asString("Un lien de confirmation a été envoyé à la nouvelle adresse."));
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            Pages.refused(flash, e);
        }
        return "redirect:/mon-compte";
    }

    @PostMapping("/mon-compte/adresse/annulation")
    String cancelEmailChange(RedirectAttributes flash) {
        Pages.attempt(flash, "Changement d'adresse annulé : son lien ne fonctionne plus.",
                () -> api.delete("/api/me/email-change"));
        return "redirect:/mon-compte";
    }

    /**
     * This session's login shows the new name from now on: its ID token's claims, as the provider would now issue them
     * (the token itself, which logout hands back to the provider, is the same).
     */
    private static void showName(String name, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.getContext();
        if (name == null || name.isBlank() || !(context.getAuthentication() instanceof OAuth2AuthenticationToken login)
                || !(login.getPrincipal() instanceof OidcUser user)) {
            return;
        }
        OidcIdToken renamed = OidcIdToken.withTokenValue(user.getIdToken().getTokenValue())
                .claims(claims -> {
                    claims.putAll(user.getIdToken().getClaims());
                    claims.put("name", name);
                }).build();
        OidcUser principal = new DefaultOidcUser(user.getAuthorities(), renamed, user.getUserInfo(), "sub");
        SecurityContext updated = SecurityContextHolder.createEmptyContext();
        updated.setAuthentication(new OAuth2AuthenticationToken(principal, login.getAuthorities(),
                login.getAuthorizedClientRegistrationId()));
        SecurityContextHolder.setContext(updated);
        new HttpSessionSecurityContextRepository().saveContext(updated, request, response);
    }

    /** Closes one of the viewer's other sessions: it is gone, and the tokens it held are revoked. */
    @PostMapping("/mon-compte/sessions/{handle:[0-9a-f]{24}}/fermeture")
    String close(@PathVariable String handle, HttpServletRequest request, RedirectAttributes flash) {
        HttpSession session = request.getSession(false);
        if (sessions.close(principal(), handle, session == null ? null : session.getId())) {
            Pages.done(flash, "Session fermée : l'appareil qui l'avait devra se reconnecter.");
        } else {
            flash.addFlashAttribute("failure", "Cette session n'est plus ouverte.");
        }
        return "redirect:/mon-compte";
    }

    /**
     * Closes every other session of the viewer in the console, and their sessions at the provider (so that no device
     * comes back without the password); this one stays open.
     */
    @PostMapping("/mon-compte/sessions/fermeture-des-autres")
    String closeOthers(HttpServletRequest request, RedirectAttributes flash) {
        HttpSession session = request.getSession(false);
        int closed = sessions.closeOthers(principal(), session == null ? null : session.getId());
        try {
            api.post("/api/me/login-sessions/end", Map.of());
        } catch (org.alize.console.api.ApiException e) {
            flash.addFlashAttribute("failure", closed + " autre(s) session(s) de la console fermée(s), mais vos sessions "
                    + "chez le fournisseur d'identité n'ont pas pu l'être : réessayez dans un instant.");
            return "redirect:/mon-compte";
        }
        Pages.done(flash, closed == 0 ? "Aucune autre session n'était ouverte dans la console ; vos sessions chez le "
                + "fournisseur d'identité sont fermées." : closed + " autre(s) session(s) fermée(s) : les appareils qui les "
                + "avaient devront se reconnecter avec votre mot de passe.");
        return "redirect:/mon-compte";
    }

    private static String principal() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
