package org.alize.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what: the basin's users for its operator (invite someone, grant the roles of the basin but the
 * operator's own, R-03), every account for ASTREES (invite, grant any role, unlock, send a new invitation).
 */
@Controller
class UserPages {

    /** The roles an operator grants in its basin; OPERATOR is ASTREES' call. */
    static final Map<String, String> BASIN_ROLES = Map.of("COMMITTEE_MEMBER", "membre du comité d'agrément",
            "STEERING_MEMBER", "membre du comité de pilotage", "PARTNER", "partenaire", "OPERATOR", "opérateur local");
    static final List<String> GRANTABLE_BY_OPERATOR = List.of("COMMITTEE_MEMBER", "STEERING_MEMBER", "PARTNER");
    static final Map<String, String> NETWORK_ROLES = new java.util.TreeMap<>(Map.of(
            "NETWORK_ADMIN", "administrateur du réseau (ASTREES)", "NATIONAL_COMMITTEE", "membre du comité national de pilotage"));

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    UserPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/utilisateurs")
    String basinUsers(@PathVariable String basin, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        operator(request, model, basin);
        JsonNode users = api.get("/api/basins/{b}/users?page={p}&size=20", basin, Math.max(0, page));
        model.addAttribute("users", json.list(users.path("items")));
        Paging.fromApi(model, users);
        model.addAttribute("roles", BASIN_ROLES);
        model.addAttribute("grantable", GRANTABLE_BY_OPERATOR);
        return "basin/users";
    }

    @PostMapping("/bassins/{basin}/utilisateurs")
    String invite(@PathVariable String basin, @RequestParam Map<String, String> form,
            @RequestParam(name = "roles", required = false) List<String> roles, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        operator(request, model, basin);
        Pages.attempt(flash, "Compte ouvert : une invitation a été envoyée à " + form.get("courriel") + ".",
                () -> api.post("/api/basins/{b}/users", Api.body("login", form.get("identifiant"), "displayName", form.get("nom"),
                        "email", form.get("courriel"), "roles", roles == null ? List.of() : roles), basin));
        return "redirect:/bassins/" + basin + "/utilisateurs";
    }

    /** An invitation not taken up in time, sent again by the basin's operator (the former link no longer works). */
    @PostMapping("/bassins/{basin}/utilisateurs/{login}/invitation")
    String reinvite(@PathVariable String basin, @PathVariable String login, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        operator(request, model, basin);
        Pages.attempt(flash, "Nouvelle invitation envoyée à " + login + ".", () -> api.post(
                "/api/basins/{b}/users/{l}/invitation", Map.of(), basin, login));
        return "redirect:/bassins/" + basin + "/utilisateurs";
    }

    @PostMapping("/bassins/{basin}/utilisateurs/{login}/roles")
    String grant(@PathVariable String basin, @PathVariable String login,
            @RequestParam(name = "roles", required = false) List<String> roles, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        operator(request, model, basin);
        Pages.attempt(flash, "Rôles de " + login + " enregistrés.", () -> api.put("/api/basins/{b}/users/{l}/roles",
                Api.body("roles", roles == null ? List.of() : roles), basin, login));
        return "redirect:/bassins/" + basin + "/utilisateurs";
    }

    @GetMapping("/reseau/utilisateurs")
    String networkUsers(@RequestParam(name = "q", required = false) String text, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        admin(request, model);
        JsonNode users = api.get("/api/network/users?size=20&page={p}" + (text == null || text.isBlank() ? "" : "&q={q}"),
                Math.max(0, page), text == null ? "" : text);
        model.addAttribute("users", json.list(users.path("content")));
        int total = users.path("page").path("totalPages").asInt(users.path("totalPages").asInt());
        Paging.pager(model, "pager", "page", Math.max(0, page), total, "Pagination");
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("roles", BASIN_ROLES);
        model.addAttribute("networkRoles", NETWORK_ROLES);
        model.addAttribute("keys", json.list(api.get("/api/network/signing-keys")));
        return "network/users";
    }

    @PostMapping("/reseau/utilisateurs")
    String networkInvite(@RequestParam Map<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        admin(request, model);
        String basin = Pages.blank(form.get("bassin"));
        Map<String, Object> basins = basin == null || Pages.blank(form.get("role")) == null ? Map.of()
                : Map.of(basin, List.of(form.get("role")));
        List<String> network = "oui".equals(form.get("astrees")) ? List.of("NETWORK_ADMIN") : List.of();
        String[] link = new String[1];
        boolean ok = Pages.attempt(flash, "Compte ouvert : une invitation a été envoyée à " + form.get("courriel") + ".",
                () -> link[0] = api.post("/api/network/users", Api.body("login", form.get("identifiant"), "displayName",
                        form.get("nom"), "email", form.get("courriel"), "networkRoles", network, "basins", basins))
                        .path("invitationUrl").asString(null));
        if (ok && link[0] != null) {
            flash.addFlashAttribute("invitation", link[0]);
        }
        return "redirect:/reseau/utilisateurs";
    }

    /** A new signing key now, the former one published until its tokens expire. */
    @PostMapping("/reseau/cles-de-signature/rotation")
    String rotateSigningKey(HttpServletRequest request, Model model, RedirectAttributes flash) {
        admin(request, model);
        Pages.attempt(flash, "Nouvelle clé de signature en service : les jetons déjà émis restent valables jusqu'à leur "
                + "expiration.", () -> api.post("/api/network/signing-keys/rotate", Map.of()));
        return "redirect:/reseau/utilisateurs#cles";
    }

    @PostMapping("/reseau/utilisateurs/{login}/{action}")
    String networkAction(@PathVariable String login, @PathVariable String action, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        admin(request, model);
        switch (action) {
            case "roles" -> {
                String basin = form.get("bassin");
                List<String> roles = new ArrayList<>();
                BASIN_ROLES.keySet().forEach(role -> {
                    if (form.containsKey("role-" + role)) {
                        roles.add(role);
                    }
                });
                Pages.attempt(flash, "Rôles de " + login + " dans « " + basin + " » enregistrés.", () -> api.put(
                        "/api/network/users/{l}/basins/{b}", Api.body("roles", roles), login, basin));
            }
            case "reseau" -> {
                List<String> roles = NETWORK_ROLES.keySet().stream().filter(role -> form.containsKey("reseau-" + role)).toList();
                Pages.attempt(flash, "Rôles de tête de réseau de " + login + " enregistrés.", () -> api.put(
                        "/api/network/users/{l}/network-roles", Api.body("roles", roles), login));
            }
            case "unlock" -> Pages.attempt(flash, "Compte " + login + " déverrouillé.",
                    () -> api.post("/api/network/users/{l}/unlock", Map.of(), login));
            // a lost phone: the holder configures a new authenticator at their next login
            case "second-factor" -> Pages.attempt(flash, "Double authentification de " + login
                    + " réinitialisée : à configurer de nouveau à sa prochaine connexion.",
                    () -> api.post("/api/network/users/{l}/second-factor/reset", Map.of(), login));
            case "invitation" -> {
                String[] link = new String[1];
                if (Pages.attempt(flash, "Nouvelle invitation envoyée à " + login + ".", () -> link[0] = api.post(
                        "/api/network/users/{l}/invitation", Map.of(), login).path("invitationUrl").asString(null))) {
                    flash.addFlashAttribute("invitation", link[0]);
                }
            }
            case "disable" -> Pages.attempt(flash, "Compte " + login + " désactivé.",
                    () -> api.post("/api/network/users/{l}/disable", Api.body("reason", Pages.blank(form.get("motif"))), login));
            case "enable" -> Pages.attempt(flash, "Compte " + login + " réactivé.",
                    () -> api.post("/api/network/users/{l}/enable", Map.of(), login));
            default -> throw new ApiException(404, "Page introuvable", "Cette action n'existe pas.", List.of());
        }
        return "redirect:/reseau/utilisateurs" + (form.containsKey("q") ? "?q=" + java.net.URLEncoder.encode(form.get("q"),
                java.nio.charset.StandardCharsets.UTF_8) : "");
    }

    private void operator(HttpServletRequest request, Model model, String basin) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        if (!viewer.isOperator(basin)) {
            throw new ApiException(403, "Accès refusé", "La gestion des utilisateurs du bassin est réservée à son opérateur local.",
                    List.of());
        }
    }

    private void admin(HttpServletRequest request, Model model) {
        Viewer viewer = Pages.viewer(viewers, request, model);
        if (!viewer.isNetworkAdmin()) {
            throw new ApiException(403, "Accès refusé", "La gestion des comptes est réservée à ASTREES.", List.of());
        }
        model.addAttribute("basinIds", Set.copyOf(viewer.basinIds()));
    }

}
