package org.alize.console.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.alize.kernel.BasinCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** ASTREES' pages: the basins and their validation workflow, the network meetings (R-40). */
@Controller
class NetworkPages {

    static final Map<String, String> STATUSES = Map.of("PROPOSED", "proposé", "VALIDATED", "validé", "ACTIVE", "actif",
            "SUSPENDED", "suspendu", "CLOSED", "fermé");
    static final Map<String, String> ACTIONS = Map.of("validate", "Valider (décision du comité national)",
            "activate", "Activer", "suspend", "Suspendre", "close", "Fermer");

    private final Api api;
    private final Json json;
    private final Viewers viewers;
    private final Clock clock;

    NetworkPages(Api api, Json json, Viewers viewers, Clock clock) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/reseau/bassins")
    String basins(@RequestParam(name = "statut", required = false) String status, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        network(request, model);
        String filter = status != null && STATUSES.containsKey(status) ? status : null;
        JsonNode list = api.get("/api/network/basins?size=20&page={p}" + (filter == null ? "" : "&status=" + filter),
                Math.max(0, page));
        model.addAttribute("basins", json.list(list.path("items")));
        Paging.fromApi(model, list);
        model.addAttribute("statut", filter);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("criteria", CRITERIA);
        model.addAttribute("today", BasinCalendar.today(clock).toString());
        return "network/basins";
    }

    /** The priority criteria of R-01, in French. */
    static final Map<String, String> CRITERIA = Map.of(
            "HEAVY_STRUCTURAL_HANDICAPS", "handicaps structurels lourds",
            "FORESEEABLE_INDUSTRIAL_CHANGE", "mutations industrielles probables",
            "WEAK_ENDOGENOUS_DEVELOPMENT", "développement endogène faible");

    /**
     * Registers a basin (R-01, R-02): its communes typed one per line, « code INSEE » then the name
     * (« 59606 Valenciennes »).
     */
    @PostMapping("/reseau/bassins")
    String register(@RequestParam Map<String, String> form, @RequestParam(name = "criteres", required = false)
            List<String> criteria, HttpServletRequest request, Model model, RedirectAttributes flash) {
        network(request, model);
        List<Map<String, Object>> communes = communes(form.get("communes"));
        boolean ok = Pages.attempt(flash, "Bassin « " + form.get("nom") + " » enregistré : il attend la décision du comité national.",
                () -> api.post("/api/network/basins", Api.body("basinId", form.get("identifiant"), "name", form.get("nom"),
                        "region", form.get("region"), "communes", communes,
                        "priorityCriteria", criteria == null ? List.of() : criteria,
                        "description", Pages.blank(form.get("description")))));
        if (!ok) {
            flash.addFlashAttribute("form", form);
        }
        return "redirect:/reseau/bassins";
    }

    /** The communes typed one per line, « code INSEE » then the name. */
    private static List<Map<String, Object>> communes(String typed) {
        List<Map<String, Object>> communes = new java.util.ArrayList<>();
        for (String line : (typed == null ? "" : typed).split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                String[] parts = trimmed.split("\\s+", 2);
                communes.add(Api.body("inseeCode", parts[0], "name", parts.length > 1 ? parts[1] : ""));
            }
        }
        return communes;
    }

    /** A basin's record corrected: its name, region, communes, criteria (R-01, R-02), description. */
    @PostMapping("/reseau/bassins/{basinId}/fiche")
    String changeDetails(@PathVariable String basinId, @RequestParam Map<String, String> form,
            @RequestParam(name = "criteres", required = false) List<String> criteria, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        network(request, model);
        Pages.attempt(flash, "Fiche du bassin « " + basinId + " » enregistrée.", () -> api.put("/api/network/basins/{b}",
                Api.body("name", form.get("nom"), "region", form.get("region"), "communes", communes(form.get("communes")),
                        "priorityCriteria", criteria == null ? List.of() : criteria,
                        "description", Pages.blank(form.get("description"))), basinId));
        return "redirect:/reseau/bassins";
    }

    @PostMapping("/reseau/bassins/{basinId}/{action}")
    String act(@PathVariable String basinId, @PathVariable String action, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        network(request, model);
        String label = ACTIONS.get(action);
        if (label == null) {
            throw new ApiException(404, "Page introuvable", "Cette action n'existe pas.", List.of());
        }
        Map<String, Object> body = "validate".equals(action)
                ? Api.body("decidedOn", form.get("date"), "decisionReference", form.get("reference"), "reason", Pages.blank(form.get("motif")))
                : Api.body("reason", Pages.blank(form.get("motif")));
        Pages.attempt(flash, label + " : fait pour « " + basinId + " ».", () -> api.post("/api/network/basins/{b}/" + action,
                body, basinId));
        return "redirect:/reseau/bassins";
    }

    @GetMapping("/reseau/reunions")
    String meetings(@RequestParam(name = "annee", required = false) Integer year, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        network(request, model);
        int shown = year == null ? BasinCalendar.today(clock).getYear() : year;
        List<Object> meetings = new java.util.ArrayList<>(json.list(api.get("/api/network/meetings?size=200").path("items")));
        java.util.Collections.reverse(meetings);
        Paging.slice(model, "meetings", meetings, page, 15);
        model.addAttribute("summary", json.map(api.get("/api/network/meetings/summary?year={y}", shown)));
        model.addAttribute("basins", json.list(api.get("/api/network/basins?size=100").path("items")));
        model.addAttribute("year", shown);
        return "network/meetings";
    }

    @PostMapping("/reseau/reunions")
    String plan(@RequestParam Map<String, String> form, @RequestParam(name = "invites", required = false) List<String> invited,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        network(request, model);
        Pages.attempt(flash, "Réunion planifiée.", () -> api.post("/api/network/meetings", Api.body("kind", form.get("nature"),
                "title", form.get("titre"), "date", form.get("date"), "location", Pages.blank(form.get("lieu")),
                "invitedBasins", invited == null ? List.of() : invited)));
        return "redirect:/reseau/reunions";
    }

    /** A planned meeting was held: who came from each invited basin (the operator, the committee's president). */
    @PostMapping("/reseau/reunions/{meetingId}/tenue")
    String held(@PathVariable String meetingId, @RequestParam Map<String, String> form,
            @RequestParam(name = "invites") List<String> invited, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        network(request, model);
        List<Map<String, Object>> attendance = invited.stream().map(basin -> Api.body("basinId", basin,
                "operator", form.containsKey("operateur-" + basin), "president", form.containsKey("president-" + basin)))
                .toList();
        Pages.attempt(flash, "Réunion enregistrée comme tenue.", () -> api.post("/api/network/meetings/{id}/held",
                Api.body("attendance", attendance), meetingId));
        return "redirect:/reseau/reunions";
    }

    /** A planned meeting called off, with its reason: the invited basins' people get the cancellation (R-40). */
    @PostMapping("/reseau/reunions/{meetingId}/annulation")
    String cancel(@PathVariable String meetingId, @RequestParam(name = "motif") String reason, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        network(request, model);
        Pages.attempt(flash, "Réunion annulée.", () -> api.post("/api/network/meetings/{id}/cancel",
                Api.body("reason", reason), meetingId));
        return "redirect:/reseau/reunions";
    }

    private Viewer network(HttpServletRequest request, Model model) {
        Viewer viewer = Pages.viewer(viewers, request, model);
        if (!viewer.isNetwork()) {
            throw new ApiException(403, "Accès refusé", "Ces pages sont réservées à ASTREES et au comité national.", List.of());
        }
        return viewer;
    }

}
