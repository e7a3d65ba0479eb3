package org.alize.console.web;

import java.util.List;
import java.util.Map;

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

/**
 * A basin's data, for ASTREES' administrators: what is kept and until when (the offboarding dry run), the purge once the
 * retention is over (the basin's id typed again), and the erasure of a person or of an SME's head on their request
 * (RGPD art. 17, with the request's reference). Each is a call to the APIs, which check and audit it.
 */
@Controller
class TenantPages {

    static final Map<String, String> STATUSES = Map.of("PROPOSED", "proposé", "VALIDATED", "validé", "ACTIVE", "actif",
            "SUSPENDED", "suspendu", "CLOSED", "fermé");

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    TenantPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/reseau/bassins/{basinId}/donnees")
    String page(@PathVariable String basinId, HttpServletRequest request, Model model) {
        admin(request, model);
        model.addAttribute("basinId", basinId);
        Map<String, Object> offboarding = json.map(api.get("/api/network/basins/{b}/offboarding", basinId));
        model.addAttribute("offboarding", offboarding);
        model.addAttribute("statusLabel", STATUSES.getOrDefault(String.valueOf(offboarding.get("status")),
                String.valueOf(offboarding.get("status"))));
        return "network/tenant";
    }

    @PostMapping("/reseau/bassins/{basinId}/donnees/purge")
    String purge(@PathVariable String basinId, @RequestParam(name = "confirmation", required = false) String confirmation,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        admin(request, model);
        Pages.attempt(flash, "Purge lancée : chaque service supprime ce qu'il garde du bassin « " + basinId + " ».",
                () -> api.post("/api/network/basins/{b}/offboarding", Api.body("confirm", confirmation == null ? "" : confirmation),
                        basinId));
        return "redirect:/reseau/bassins/" + basinId + "/donnees";
    }

    @PostMapping("/reseau/bassins/{basinId}/donnees/effacement-personne")
    String erasePerson(@PathVariable String basinId, @RequestParam Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        admin(request, model);
        String person = form.getOrDefault("personne", "").strip();
        if (person.isEmpty()) {
            flash.addFlashAttribute("failure", "Indiquez l'identifiant de la personne (per-…).");
        } else {
            Pages.attempt(flash, "Personne « " + person + " » effacée partout.", () -> api.post(
                    "/api/network/basins/{b}/people/{p}/erasure", Api.body("request", form.get("demande")), basinId, person));
        }
        return "redirect:/reseau/bassins/" + basinId + "/donnees";
    }

    @PostMapping("/reseau/bassins/{basinId}/donnees/effacement-dirigeant")
    String eraseHead(@PathVariable String basinId, @RequestParam Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        admin(request, model);
        String project = form.getOrDefault("projet", "").strip();
        if (project.isEmpty()) {
            flash.addFlashAttribute("failure", "Indiquez l'identifiant du projet.");
        } else {
            Pages.attempt(flash, "Dirigeant du projet « " + project + " » effacé.", () -> api.post(
                    "/api/network/basins/{b}/projects/{p}/head/erasure", Api.body("request", form.get("demande")), basinId, project));
        }
        return "redirect:/reseau/bassins/" + basinId + "/donnees";
    }

    private void admin(HttpServletRequest request, Model model) {
        Viewer viewer = Pages.viewer(viewers, request, model);
        if (!viewer.isNetworkAdmin()) {
            throw new ApiException(403, "Accès refusé", "Les données des bassins sont administrées par ASTREES.", List.of());
        }
    }
}
