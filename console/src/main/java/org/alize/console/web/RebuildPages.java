package org.alize.console.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The indicators' rebuilds, for ASTREES' administrators: reporting-service replays the three topics into a new
 * generation of its read models, compares it with the one in service, then switches the views to it. The page lists
 * them (records read, events applied and rejected, the comparison, the switch) and starts one.
 */
@Controller
class RebuildPages {

    static final Map<String, String> STATUSES = Map.of("RUNNING", "en cours", "SWITCHED", "en service", "FAILED", "échouée");

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    RebuildPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/reseau/reconstructions")
    String rebuilds(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        admin(request, model);
        JsonNode rebuilds = api.get("/api/network/indicators/rebuilds?page={p}&size=20", Math.max(0, page));
        model.addAttribute("rebuilds", json.list(rebuilds.path("items")));
        Paging.fromApi(model, rebuilds);
        model.addAttribute("statuses", STATUSES);
        return "network/rebuilds";
    }

    @PostMapping("/reseau/reconstructions")
    String start(HttpServletRequest request, Model model, RedirectAttributes flash) {
        admin(request, model);
        Pages.attempt(flash, "Reconstruction lancée : rechargez la page pour suivre les enregistrements lus, puis la "
                + "comparaison et la bascule.", () -> api.post("/api/network/indicators/rebuilds", Map.of()));
        return "redirect:/reseau/reconstructions";
    }

    private void admin(HttpServletRequest request, Model model) {
        if (!Pages.viewer(viewers, request, model).isNetworkAdmin()) {
            throw new ApiException(403, "Accès refusé", "Les reconstructions des indicateurs sont lancées par les "
                    + "administrateurs d'ASTREES.", List.of());
        }
    }
}
