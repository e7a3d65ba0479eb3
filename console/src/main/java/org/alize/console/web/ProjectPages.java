package org.alize.console.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.alize.kernel.BasinCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** The project pipeline (a board by state and a filterable list) and a project's page with its actions. */
@Controller
class ProjectPages {

    /** The states in pipeline order, with their French names (as project-service labels them). */
    static final Map<String, String> STATES = states();

    /** Lifecycle actions a button triggers directly; those needing a reason ask for it in the form. */
    static final Map<String, String> SIMPLE_ACTIONS = Map.of("start-diagnosis", "Lancer le diagnostic",
            "mark-ready", "Déclarer prêt pour le comité", "start-follow-up", "Commencer le suivi");
    static final Map<String, String> REASONED_ACTIONS = Map.of("withdraw", "Retirer le projet", "abandon",
            "Abandonner le projet", "close", "Clore le projet");
    static final int PAGE_SIZE = 20;

    private final Api api;
    private final Json json;
    private final Viewers viewers;
    private final Clock clock;
    private final Fr fr;

    ProjectPages(Api api, Json json, Viewers viewers, Clock clock, Fr fr) {
        this.fr = fr;
        this.api = api;
        this.json = json;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/bassins/{basin}/projets")
    String pipeline(@PathVariable String basin, @RequestParam(name = "statut", required = false) String status,
            @RequestParam(name = "q", required = false) String text, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        String filter = status != null && STATES.containsKey(status) ? status : null;
        JsonNode list = api.get("/api/basins/{b}/projects?size={size}&page={page}" + (filter == null ? "" : "&status=" + filter)
                + (text == null || text.isBlank() ? "" : "&q={q}"), basin, PAGE_SIZE, Math.max(0, page), text == null ? "" : text);
        model.addAttribute("projects", json.list(list.path("items")));
        Paging.fromApi(model, list);
        model.addAttribute("statut", filter);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("states", STATES);
        if (htmx != null) {
            return "basin/projects :: list";
        }
        model.addAttribute("board", board(basin));
        return "basin/projects";
    }

    /** Every open project by state, a column each (closed, withdrawn, rejected and abandoned ones are counted). */
    private List<Map<String, Object>> board(String basin) {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        STATES.keySet().forEach(state -> columns.put(state, new ArrayList<>()));
        int page = 0;
        JsonNode list;
        do {
            list = api.get("/api/basins/{b}/projects?size=100&page={p}", basin, page++);
            for (Object project : json.list(list.path("items"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) project;
                columns.computeIfAbsent(String.valueOf(p.get("status")), s -> new ArrayList<>()).add(p);
            }
        } while (page < list.path("totalPages").asInt());
        List<Map<String, Object>> board = new ArrayList<>();
        columns.forEach((state, projects) -> board.add(Map.of("state", state, "label", STATES.getOrDefault(state, state),
                "projects", CLOSED.contains(state) ? List.of() : projects, "count", projects.size())));
        return board;
    }

    static final Set<String> CLOSED = Set.of("WITHDRAWN", "REJECTED", "ABANDONED", "CLOSED");

    @GetMapping("/bassins/{basin}/projets/{projectId}")
    String project(@PathVariable String basin, @PathVariable String projectId, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        Map<String, Object> project = json.map(api.get("/api/basins/{b}/projects/{id}", basin, projectId));
        model.addAttribute("project", project);
        model.addAttribute("history", json.list(api.get("/api/basins/{b}/projects/{id}/history", basin, projectId)));
        model.addAttribute("simpleActions", SIMPLE_ACTIONS);
        model.addAttribute("reasonedActions", REASONED_ACTIONS);
        model.addAttribute("today", BasinCalendar.today(clock).toString());
        model.addAttribute("types", BENEFICIARY_TYPES);
        // the file may be corrected until the project goes before the committee
        model.addAttribute("amendable", List.of("SUBMITTED", "IN_DIAGNOSIS").contains(String.valueOf(project.get("status"))));
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Object report : (List<?>) project.getOrDefault("reports", List.of())) {
            Map<?, ?> r = (Map<?, ?>) report;
            Map<?, ?> jobs = (Map<?, ?>) r.get("jobsToDate");
            labels.add(fr.date(r.get("reportedOn")));
            int total = 0;
            for (Object count : jobs.values()) {
                total += count instanceof Number n ? n.intValue() : 0;
            }
            values.add(String.valueOf(total));
        }
        model.addAttribute("jobsLabels", String.join("|", labels));
        model.addAttribute("jobsValues", String.join("|", values));
        Viewer viewer = viewers.current(request);
        model.addAttribute("mandatary", viewer.personIn(basin) != null
                && viewer.personIn(basin).equals(project.get("mandataryId")));
        // who may follow the project instead: the approval committee's members today
        List<?> actions = (List<?>) project.getOrDefault("allowedActions", List.of());
        model.addAttribute("committeeMembers", actions.contains("mandatary")
                ? json.map(api.get("/api/basins/{b}/committees/approval?on={d}", basin, BasinCalendar.today(clock))).get("members")
                : List.of());
        return "basin/project";
    }

    @PostMapping("/bassins/{basin}/projets/{projectId}/actions/{action}")
    String act(@PathVariable String basin, @PathVariable String projectId, @PathVariable String action,
            @RequestParam(name = "motif", required = false) String reason, @RequestParam(name = "date", required = false)
            String on, HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String label = SIMPLE_ACTIONS.getOrDefault(action, REASONED_ACTIONS.get(action));
        if (label == null) {
            throw new ApiException(404, "Page introuvable", "Cette action n'existe pas.", List.of());
        }
        Pages.attempt(flash, label + " : c'est fait.", () -> api.post("/api/basins/{b}/projects/{id}/" + action,
                Api.body("on", Pages.blank(on), "reason", Pages.blank(reason)), basin, projectId));
        return "redirect:/bassins/" + basin + "/projets/" + projectId;
    }

    @GetMapping("/bassins/{basin}/projets/nouveau")
    String newProject(@PathVariable String basin, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        model.addAttribute("committee", json.map(api.get("/api/basins/{b}/committee?on={d}", basin, BasinCalendar.today(clock))));
        model.addAttribute("types", BENEFICIARY_TYPES);
        model.addAttribute("today", BasinCalendar.today(clock).toString());
        return "basin/project-new";
    }

    /** The four kinds of beneficiaries of R-20. */
    static final Map<String, String> BENEFICIARY_TYPES = Map.of(
            "EXISTING_SME_DEVELOPMENT", "PME existante qui se développe",
            "BUSINESS_TAKEOVER", "reprise d'entreprise",
            "STRUCTURING_PROJECT", "projet structurant pour le territoire",
            "SME_POTENTIAL_CREATION", "création à potentiel de PME");

    @PostMapping("/bassins/{basin}/projets")
    String submit(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String[] created = new String[1];
        boolean ok = Pages.attempt(flash, "Projet déposé.", () -> created[0] = api.post("/api/basins/{b}/projects",
                submission(form), basin).path("projectId").asString());
        if (!ok) {
            flash.addFlashAttribute("form", form);
            return "redirect:/bassins/" + basin + "/projets/nouveau";
        }
        return "redirect:/bassins/" + basin + "/projets/" + created[0];
    }

    /** The file corrected while the project has not gone before the committee (the API says when it no longer may). */
    @PostMapping("/bassins/{basin}/projets/{projectId}/dossier")
    String amend(@PathVariable String basin, @PathVariable String projectId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Dossier corrigé.", () -> api.put("/api/basins/{b}/projects/{id}", submission(form), basin, projectId));
        return "redirect:/bassins/" + basin + "/projets/" + projectId;
    }

    /** A project's file as the deposit and the correction forms type it (the same field names). */
    private static Map<String, Object> submission(Map<String, String> form) {
        return Api.body(
                "company", Api.body("name", form.get("entreprise"), "city", Pages.blank(form.get("commune")),
                        "siret", Pages.blank(form.get("siret")), "nafCode", Pages.blank(form.get("naf")),
                        "createdOn", Pages.blank(form.get("creation")), "headcount", Pages.wholeNumber(form.get("effectif"))),
                "head", Api.body("firstName", form.get("prenom"), "lastName", form.get("nom"), "email", Pages.blank(form.get("courriel")),
                        "phone", Pages.blank(form.get("telephone"))),
                "beneficiaryType", form.get("type"),
                "needs", Api.body("skillsDomains", list(form.get("competences")),
                        "amountRequested", Pages.blank(form.get("montant")) == null ? null : Money.parse(form.get("montant"), "montant"),
                        "description", Pages.blank(form.get("besoins"))),
                "forecastJobs", Pages.wholeNumber(form.get("emplois")), "prescriberId", form.get("prescripteur"),
                "supportSchemeIds", list(form.get("dispositifs")), "submittedOn", Pages.blank(form.get("date")));
    }

    private static List<String> list(String commaSeparated) {
        return Pages.blank(commaSeparated) == null ? List.of() : List.of(commaSeparated.strip().split("\\s*,\\s*"));
    }

    @PostMapping("/bassins/{basin}/projets/{projectId}/diagnostic")
    String diagnosis(@PathVariable String basin, @PathVariable String projectId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Diagnostic enregistré.", () -> api.post("/api/basins/{b}/projects/{id}/diagnosis", Api.body(
                "kind", form.getOrDefault("nature", "PRELIMINARY"), "writtenOn", form.get("date"),
                "summary", form.get("synthese"), "strengths", Pages.blank(form.get("atouts")),
                "risks", Pages.blank(form.get("risques")), "recommendation", Pages.blank(form.get("avis")),
                "scores", Api.body("quality", Pages.wholeNumber(form.get("qualite")), "holderCapacity", Pages.wholeNumber(form.get("capacite")),
                        "territorialImpact", Pages.wholeNumber(form.get("impact"))),
                "professional", Pages.blank(form.get("professionnel")),
                "professionalOrganisation", Pages.blank(form.get("organisme"))), basin, projectId));
        return "redirect:/bassins/" + basin + "/projets/" + projectId;
    }

    /** A follow-up report, filed by the operator or the project's mandatary. */
    @PostMapping("/bassins/{basin}/projets/{projectId}/suivis")
    String report(@PathVariable String basin, @PathVariable String projectId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Rapport de suivi enregistré.", () -> api.post("/api/basins/{b}/projects/{id}/reports", Api.body(
                "reportedOn", form.get("date"), "permanent", Pages.wholeNumber(form.get("cdi")), "fixedTerm", Pages.wholeNumber(form.get("cdd")),
                "fixedTermShort", Pages.wholeNumber(form.get("cddCourt")),
                "apprenticeship", Pages.wholeNumber(form.get("apprentis")), "other", Pages.wholeNumber(form.get("autres")),
                "progress", form.get("avancement"), "difficulties", Pages.blank(form.get("difficultes")),
                "newInterventionRequested", form.containsKey("nouvelleIntervention"),
                "interventionRequest", Pages.blank(form.get("demande"))), basin, projectId));
        return "redirect:/bassins/" + basin + "/projets/" + projectId;
    }

    /** Days of skills a partner delivered on one of the project's missions, within the days granted. */
    @PostMapping("/bassins/{basin}/projets/{projectId}/missions")
    String deliver(@PathVariable String basin, @PathVariable String projectId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Integer days = Pages.wholeNumber(form.get("jours"));
        if (days == null) {
            flash.addFlashAttribute("failure", "Nombre de jours illisible.");
            return "redirect:/bassins/" + basin + "/projets/" + projectId;
        }
        Pages.attempt(flash, days + " jour(s) de compétences enregistré(s).", () -> api.post(
                "/api/basins/{b}/projects/{id}/missions/{m}/deliveries", Api.body("deliveredOn", form.get("date"), "days", days,
                        "note", Pages.blank(form.get("note"))), basin, projectId, form.getOrDefault("mission", "")));
        return "redirect:/bassins/" + basin + "/projets/" + projectId;
    }

    /** Another member of the committee follows the project from now on; the former one stays in the history. */
    @PostMapping("/bassins/{basin}/projets/{projectId}/mandataire")
    String replaceMandatary(@PathVariable String basin, @PathVariable String projectId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Mandataire remplacé.", () -> api.post("/api/basins/{b}/projects/{id}/mandatary", Api.body(
                "mandataryId", form.get("mandataire"), "on", Pages.blank(form.get("date")), "reason", form.get("motif")),
                basin, projectId));
        return "redirect:/bassins/" + basin + "/projets/" + projectId;
    }

    @GetMapping("/bassins/{basin}/projets/{projectId}/convention.pdf")
    org.springframework.http.ResponseEntity<byte[]> conventionPdf(@PathVariable String basin, @PathVariable String projectId,
            HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        return Downloads.file(api.download("/api/basins/{b}/projects/{id}/convention.pdf", "application/pdf", basin, projectId),
                "convention-cooperation-" + projectId + ".pdf");
    }


    @PostMapping("/bassins/{basin}/projets/{projectId}/signatures")
    String sign(@PathVariable String basin, @PathVariable String projectId, @RequestParam String key,
            @RequestParam(name = "signataire") String signatory, @RequestParam(name = "date", required = false) String on,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Signature enregistrée.", () -> api.post("/api/basins/{b}/projects/{id}/signatures",
                Api.body("key", key, "signatory", signatory, "signedOn",
                        on == null || on.isBlank() ? BasinCalendar.today(clock).toString() : on), basin, projectId));
        return "redirect:/bassins/" + basin + "/projets/" + projectId;
    }


    private static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("SUBMITTED", "Déposés");
        states.put("IN_DIAGNOSIS", "En diagnostic");
        states.put("READY_FOR_COMMITTEE", "Prêts pour le comité");
        states.put("APPROVED", "Agréés");
        states.put("CONVENTION_SIGNED", "Convention signée");
        states.put("IN_FOLLOW_UP", "En suivi");
        states.put("CLOSED", "Clos");
        states.put("REJECTED", "Refusés");
        states.put("WITHDRAWN", "Retirés");
        states.put("ABANDONED", "Abandonnés");
        return states;
    }
}
