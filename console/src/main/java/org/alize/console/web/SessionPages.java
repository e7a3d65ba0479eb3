package org.alize.console.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.kernel.BasinCalendar;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Committee sessions as the operator prepares and holds them: schedule, agenda of ready projects,
 * attendance against the composition of the day (quorum), declared conflicts, one decision per project with
 * the means granted and the mandatary, closing, the steering committee's validation, the minutes.
 */
@Controller
class SessionPages {

    static final int PAGE_SIZE = 10;

    private final Api api;
    private final Json json;
    private final Viewers viewers;
    private final Clock clock;

    SessionPages(Api api, Json json, Viewers viewers, Clock clock) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/bassins/{basin}/comites")
    String sessions(@PathVariable String basin, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        Pages.inBasin(viewers, request, model, basin);
        // a year's sessions fit in one page (at most 100 a year, R-41)
        List<Object> sessions = new ArrayList<>(json.list(api.get("/api/basins/{b}/sessions?size=200", basin).path("items")));
        java.util.Collections.reverse(sessions);
        Paging.slice(model, "sessions", sessions, page, PAGE_SIZE);
        model.addAttribute("today", BasinCalendar.today(clock).toString());
        return "basin/sessions";
    }

    @PostMapping("/bassins/{basin}/comites")
    String schedule(@PathVariable String basin, @RequestParam(name = "date") String on,
            @RequestParam(name = "lieu", required = false) String location, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String[] created = new String[1];
        boolean ok = Pages.attempt(flash, "Comité planifié.", () -> created[0] = api.post("/api/basins/{b}/sessions",
                Api.body("scheduledOn", on, "location", location), basin).path("sessionId").asString());
        return ok ? "redirect:/bassins/" + basin + "/comites/" + created[0] : "redirect:/bassins/" + basin + "/comites";
    }

    @GetMapping("/bassins/{basin}/comites/{sessionId}")
    String session(@PathVariable String basin, @PathVariable String sessionId, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        Map<String, Object> session = json.map(api.get("/api/basins/{b}/sessions/{id}", basin, sessionId));
        model.addAttribute("seance", session);
        String day = String.valueOf(session.get("heldOn") != null ? session.get("heldOn") : session.get("scheduledOn"));
        model.addAttribute("committee", json.map(api.get("/api/basins/{b}/committee?on={d}", basin, day)));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<?>) session.get("agenda")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> agendaItem = (Map<String, Object>) item;
            JsonNode project = api.get("/api/basins/{b}/projects/{id}", basin, agendaItem.get("projectId"));
            Map<String, Object> row = new LinkedHashMap<>(agendaItem);
            row.put("status", project.path("status").asString());
            row.put("statusLabel", project.path("statusLabel").asString());
            row.put("amountRequested", project.path("needs").path("amountRequested").decimalValue());
            String outcome = null;
            for (JsonNode decision : project.path("decisions")) {
                if (sessionId.equals(decision.path("sessionId").asString())) {
                    outcome = decision.path("outcome").asString();
                }
            }
            row.put("outcome", outcome);
            items.add(row);
        }
        model.addAttribute("items", items);
        model.addAttribute("ready", json.list(api.get("/api/basins/{b}/projects?status=READY_FOR_COMMITTEE&size=100", basin)
                .path("items")));
        model.addAttribute("partners", json.list(api.get("/api/basins/{b}/organisations?kind=PARTNER_COMPANY&size=100", basin)
                .path("items")));
        model.addAttribute("today", BasinCalendar.today(clock).toString());
        return "basin/session";
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/ordre-du-jour")
    String addToAgenda(@PathVariable String basin, @PathVariable String sessionId, @RequestParam(name = "projet") String projectId,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Projet inscrit à l'ordre du jour.", () -> api.post("/api/basins/{b}/sessions/{id}/agenda",
                Api.body("projectId", projectId), basin, sessionId));
        return back(basin, sessionId);
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/ordre-du-jour/{projectId}/retrait")
    String removeFromAgenda(@PathVariable String basin, @PathVariable String sessionId, @PathVariable String projectId,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Projet retiré de l'ordre du jour : il reste prêt pour le comité.", () -> api.delete(
                "/api/basins/{b}/sessions/{id}/agenda/{p}", basin, sessionId, projectId));
        return back(basin, sessionId);
    }

    /** A session called off before it was held: its projects go back to « prêts pour le comité ». */
    @PostMapping("/bassins/{basin}/comites/{sessionId}/annulation")
    String cancel(@PathVariable String basin, @PathVariable String sessionId, @RequestParam(name = "motif") String reason,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Séance annulée.", () -> api.post("/api/basins/{b}/sessions/{id}/cancel",
                Api.body("reason", reason), basin, sessionId));
        return back(basin, sessionId);
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/convocation")
    String convene(@PathVariable String basin, @PathVariable String sessionId, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Membres convoqués : chacun reçoit l'ordre du jour et les diagnostics par courriel.",
                () -> api.post("/api/basins/{b}/sessions/{id}/convocation", Api.body(), basin, sessionId));
        return back(basin, sessionId);
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/presences")
    String attendance(@PathVariable String basin, @PathVariable String sessionId,
            @RequestParam(name = "present", required = false) List<String> present,
            @RequestParam(name = "date", required = false) String heldOn,
            @RequestParam(name = "presidePar", required = false) String presidedBy, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Présences enregistrées.", () -> api.post("/api/basins/{b}/sessions/{id}/attendance",
                Api.body("heldOn", heldOn == null || heldOn.isBlank() ? null : heldOn, "present",
                        present == null ? List.of() : present, "presidedBy", Pages.blank(presidedBy)), basin, sessionId));
        return back(basin, sessionId);
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/conflits")
    String conflict(@PathVariable String basin, @PathVariable String sessionId, @RequestParam(name = "personne") String personId,
            @RequestParam(name = "projet") String projectId, @RequestParam(name = "motif") String reason,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Conflit d'intérêts enregistré : le membre ne prendra pas part à cette décision.",
                () -> api.post("/api/basins/{b}/sessions/{id}/conflicts", Api.body("personId", personId, "projectId", projectId,
                        "reason", reason), basin, sessionId));
        return back(basin, sessionId);
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/decisions")
    String decide(@PathVariable String basin, @PathVariable String sessionId, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String outcome = form.getFirst("decision");
        // amounts are read inside the attempt: one typed wrong comes back as a French refusal on the session page
        Pages.attempt(flash, "Décision enregistrée.", () -> api.post("/api/basins/{b}/sessions/{id}/decisions",
                Api.body("projectId", form.getFirst("projet"), "outcome", outcome, "motivation", form.getFirst("motivation"),
                        "means", "APPROVED".equals(outcome) ? means(form) : null, "mandataryId", Pages.blank(form.getFirst("mandataire")),
                        "complementaryDiagnosisRequested", "POSTPONED".equals(outcome) ? Boolean.TRUE : null),
                basin, sessionId));
        return back(basin, sessionId);
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/cloture")
    String close(@PathVariable String basin, @PathVariable String sessionId, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Séance close : le procès-verbal est disponible.", () -> api.post(
                "/api/basins/{b}/sessions/{id}/close", Map.of(), basin, sessionId));
        return back(basin, sessionId);
    }

    @PostMapping("/bassins/{basin}/comites/{sessionId}/validation")
    String validate(@PathVariable String basin, @PathVariable String sessionId, @RequestParam(name = "par") String by,
            @RequestParam(name = "remarques", required = false) String remarks, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Validation du comité local de pilotage enregistrée.", () -> api.post(
                "/api/basins/{b}/sessions/{id}/validation", Api.body("validatedOn", BasinCalendar.today(clock).toString(),
                        "validatedBy", by, "remarks", Pages.blank(remarks)), basin, sessionId));
        return back(basin, sessionId);
    }

    @GetMapping("/bassins/{basin}/comites/{sessionId}/proces-verbal.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable String basin, @PathVariable String sessionId, HttpServletRequest request,
            Model model) {
        Pages.inBasin(viewers, request, model, basin);
        Api.Download pdf = api.download("/api/basins/{b}/sessions/{id}/minutes.pdf", "application/pdf", basin, sessionId);
        return Downloads.file(pdf, "proces-verbal-" + sessionId + ".pdf");
    }

    /** The means granted with an approval, as the decision form gives them; null when none is filled in. */
    private static Map<String, Object> means(MultiValueMap<String, String> form) {
        Map<String, Object> means = new LinkedHashMap<>();
        String amount = form.getFirst("avance");
        if (Pages.blank(amount) != null) {
            means.put("advance", Api.body("amount", Money.parse(amount, "avance"), "durationMonths",
                    integer(form.getFirst("duree"), 36), "graceMonths", integer(form.getFirst("differe"), 6),
                    "frequency", "MONTHLY"));
        }
        String partner = form.getFirst("partenaire");
        String days = form.getFirst("jours");
        if (Pages.blank(partner) != null && Pages.blank(days) != null) {
            means.put("skills", List.of(Api.body("partnerId", partner, "domain", form.getFirst("domaine"), "days",
                    integer(days, 0), "dailyValue", Money.parse(orDefault(form.getFirst("valeurJour"), "800"), "valeurJour"))));
        }
        return means.isEmpty() ? null : means;
    }

    private static String back(String basin, String sessionId) {
        return "redirect:/bassins/" + basin + "/comites/" + sessionId;
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

}
