package org.alize.console.web;

import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * Mails: each person's choices in a basin (« Mes courriels », the page every mail links to), and the basin's delivery
 * log for its operator.
 */
@Controller
class NotificationPages {

    /** The form's field for a kind: {@code choix-PROJECT_DECISION}. */
    static final String FIELD = "choix-";

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    NotificationPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/mes-courriels")
    String preferences(@PathVariable String basin, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        JsonNode catalogue = api.get("/api/basins/{b}/notifications/kinds", basin);
        model.addAttribute("frequencies", json.list(catalogue.path("frequencies")));
        try {
            model.addAttribute("preferences", json.map(api.get("/api/basins/{b}/notifications/preferences", basin)));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            model.addAttribute("noPerson", e.detail());
        }
        return "basin/my-mails";
    }

    @PostMapping("/bassins/{basin}/mes-courriels")
    String choose(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Map<String, String> choices = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (field.startsWith(FIELD) && choices.size() < 50) {
                choices.put(field.substring(FIELD.length()), value);
            }
        });
        Pages.attempt(flash, "Vos préférences de courriels sont enregistrées.",
                () -> api.put("/api/basins/{b}/notifications/preferences", Map.of("choices", choices), basin));
        return "redirect:/bassins/" + basin + "/mes-courriels";
    }

    @GetMapping("/bassins/{basin}/courriels")
    String log(@PathVariable String basin, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        if (!viewer.isOperator(basin)) {
            throw new ApiException(403, "Accès refusé", "Le journal des courriels du bassin est tenu par son opérateur local.",
                    List.of());
        }
        JsonNode mails = api.get("/api/basins/{b}/notifications/mails?page={p}&size=50", basin, Math.max(0, page));
        model.addAttribute("mails", json.list(mails.path("items")));
        Paging.fromApi(model, mails);
        return "basin/mails";
    }
}
