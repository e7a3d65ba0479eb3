package org.alize.console.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

/** A basin's home page: its figures beside their references, and what needs doing now. */
@Controller
class BasinController {

    private final Api api;
    private final Json json;
    private final Viewers viewers;
    private final Clock clock;
    private final Fr fr;

    BasinController(Api api, Json json, Viewers viewers, Clock clock, Fr fr) {
        this.fr = fr;
        this.api = api;
        this.json = json;
        this.viewers = viewers;
        this.clock = clock;
    }

    /** The figures shown on the home page, in this order (all are on the indicators page). */
    static final List<String> KEY_FIGURES = List.of("sessionsHeld", "projectsApproved", "jobsForecast", "jobsRealised",
            "skillsDaysDelivered", "projectSupport", "lossRate", "fundBalance", "shareCompanies", "networkMeetingsHeld");

    @GetMapping("/bassins/{basin}")
    String home(@PathVariable String basin, HttpServletRequest request, Model model) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        String person = viewer.personIn(basin);
        model.addAttribute("mine", person == null ? java.util.List.of()
                : json.list(api.get("/api/basins/{b}/projects?mandataryId={p}&size=50", basin, person).path("items")));
        LocalDate today = BasinCalendar.today(clock);
        Map<String, Object> profile = json.map(api.get("/api/basins/{b}/profile", basin));
        model.addAttribute("profile", profile);
        model.addAttribute("year", today.getYear());
        try {
            JsonNode indicators = api.get("/api/basins/{b}/indicators?year={y}", basin, today.getYear());
            Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
            for (Object figure : json.list(indicators.path("figures"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) figure;
                byKey.put(String.valueOf(f.get("key")), f);
            }
            model.addAttribute("figures", KEY_FIGURES.stream().filter(byKey::containsKey).map(byKey::get).toList());
        } catch (ApiException e) {
            if (e.status() != 503) {
                throw e;
            }
            // the indicators are a read model: the rest of the page stays useful while they are unavailable
            model.addAttribute("figures", List.of());
            model.addAttribute("figuresUnavailable", e.detail());
        }
        model.addAttribute("todo", viewer.isOperator(basin) ? todo(basin, today) : List.of());
        return "basin/home";
    }

    /** Overdue follow-up reports, advances in arrears, conventions awaiting signatures, the next session, a renewal due. */
    private List<Map<String, Object>> todo(String basin, LocalDate today) {
        List<Map<String, Object>> todo = new ArrayList<>();
        JsonNode overdue = api.get("/api/basins/{b}/projects?overdue=true&size=100", basin);
        for (JsonNode project : overdue.path("items")) {
            todo.add(item("suivi", "Rapport de suivi en retard : " + project.path("company").path("name").asString()
                    + " (dû le " + fr.date(project.path("nextReportDue").asString(null)) + ")",
                    "/bassins/" + basin + "/projets/" + project.path("projectId").asString()));
        }
        JsonNode arrears = api.get("/api/basins/{b}/arrears", basin);
        for (JsonNode advance : arrears.path("advances")) {
            todo.add(item("impaye", "Impayé de " + fr.euros(advance.path("amountInArrears").decimalValue())
                    + " depuis " + advance.path("daysPastDue").asInt() + " jours : " + advance.path("companyName").asString(""),
                    "/bassins/" + basin + "/avances/" + advance.path("advanceId").asString()));
        }
        JsonNode approved = api.get("/api/basins/{b}/projects?status=APPROVED&size=100", basin);
        for (JsonNode project : approved.path("items")) {
            JsonNode convention = project.path("convention");
            int required = convention.path("required").size();
            int signed = convention.path("signatures").size();
            todo.add(item("signature", "Convention de coopération à signer (" + signed + "/" + required + ") : "
                    + project.path("company").path("name").asString(),
                    "/bassins/" + basin + "/projets/" + project.path("projectId").asString()));
        }
        for (JsonNode session : api.get("/api/basins/{b}/sessions?size=200", basin).path("items")) {
            LocalDate on = LocalDate.parse(session.path("scheduledOn").asString("1970-01-01"));
            if (!on.isBefore(today) && session.path("status").asString("").equals("SCHEDULED")) {
                todo.add(item("comite", "Prochain comité d'agrément le " + fr.longDate(on.toString()) + " ("
                        + session.path("agenda").size() + " projet(s) à l'ordre du jour)",
                        "/bassins/" + basin + "/comites/" + session.path("sessionId").asString()));
                break;
            }
        }
        try {
            JsonNode convention = api.get("/api/basins/{b}/conventions/in-force", basin);
            String end = convention.path("endsOn").asString(null);
            if (end != null && !LocalDate.parse(end).isAfter(today.plusMonths(6))) {
                todo.add(item("renouvellement", "La convention de partenariat prend fin le " + fr.longDate(end)
                        + " : préparer son renouvellement", "/bassins/" + basin + "/partenariat"));
            }
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            todo.add(item("renouvellement", "Aucune convention de partenariat en vigueur", "/bassins/" + basin + "/partenariat"));
        }
        return todo;
    }

    private static Map<String, Object> item(String kind, String text, String link) {
        return Map.of("kind", kind, "text", text, "link", link);
    }
}
