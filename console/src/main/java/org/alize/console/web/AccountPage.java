package org.alize.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.ConsoleSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * « Mon compte »: who the platform knows the viewer as (name, login, address), their roles in the network and in each
 * basin, their mail preferences in each basin where they stand for a person, and where the provider lets them change
 * their password and their second factor.
 */
@Controller
class AccountPage {

    private final Viewers viewers;
    private final ConsoleSettings settings;

    AccountPage(Viewers viewers, ConsoleSettings settings) {
        this.viewers = viewers;
        this.settings = settings;
    }

    @GetMapping("/mon-compte")
    String account(HttpServletRequest request, Model model) {
        Viewer viewer = Pages.viewer(viewers, request, model);
        Object principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        model.addAttribute("email", principal instanceof OidcUser user ? user.getEmail() : null);
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
        return "account";
    }
}
