package org.alize.console.web;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * The partnership conventions of a basin and their life: one opened for negotiation from a start date,
 * its partners' pledges and its spending annex typed in tables, the signature of every pledging partner with the
 * operator convention, and the renewal that opens the next one. A revision re-reads the convention and
 * changes only the part its form shows, so the pledges' form never drops the annex, nor the reverse.
 */
@Controller
class ConventionPages {

    /** The spending lines of the annex the references of R-14 speak of, in French. */
    static final Map<String, String> SPENDING = new LinkedHashMap<>();

    static {
        SPENDING.put("PROJECT_SUPPORT", "aides et compétences apportées aux projets");
        SPENDING.put("LOCAL_ENGINEERING", "ingénierie locale");
        SPENDING.put("OPERATOR_REIMBURSEMENT", "remboursement de l'opérateur");
    }

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    ConventionPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/conventions")
    String conventions(@PathVariable String basin, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        model.addAttribute("conventions", json.list(api.get("/api/basins/{b}/conventions", basin)));
        return "basin/conventions";
    }

    @GetMapping("/bassins/{basin}/conventions/{conventionId}")
    String convention(@PathVariable String basin, @PathVariable String conventionId, HttpServletRequest request, Model model) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        Map<String, Object> convention = json.map(api.get("/api/basins/{b}/conventions/{c}", basin, conventionId));
        model.addAttribute("convention", convention);
        model.addAttribute("spending", SPENDING);
        model.addAttribute("annex", annex(convention));
        if (viewer.isOperator(basin) && "DRAFT".equals(convention.get("status"))) {
            // every organisation still in the partnership may pledge, with what it pledged so far
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<String, Map<String, Object>> pledged = new LinkedHashMap<>();
            for (Object pledge : (List<?>) convention.getOrDefault("pledges", List.of())) {
                Map<String, Object> p = cast(pledge);
                pledged.put(String.valueOf(p.get("organisationId")), p);
            }
            for (Object organisation : json.list(api.get("/api/basins/{b}/organisations?active=true&size=100&page=0", basin)
                    .path("items"))) {
                Map<String, Object> o = cast(organisation);
                Map<String, Object> row = new LinkedHashMap<>(o);
                row.put("pledge", pledged.getOrDefault(String.valueOf(o.get("organisationId")), Map.of()));
                rows.add(row);
            }
            model.addAttribute("rows", rows);
        }
        return "basin/convention";
    }

    /** A convention opened for negotiation from its start date (R-10: three years from then). */
    @PostMapping("/bassins/{basin}/conventions")
    String draft(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String[] opened = new String[1];
        boolean ok = Pages.attempt(flash, "Convention ouverte à la négociation : saisissez les engagements des partenaires.",
                () -> opened[0] = api.post("/api/basins/{b}/conventions", Api.body("startsOn", Pages.blank(form.get("debut"))), basin)
                        .path("conventionId").asString());
        return "redirect:/bassins/" + basin + "/conventions" + (ok ? "/" + opened[0] : "");
    }

    /** The pledges as the table types them: a row with any amount or day is a pledge; an empty row none. */
    @PostMapping("/bassins/{basin}/conventions/{conventionId}/engagements")
    String pledges(@PathVariable String basin, @PathVariable String conventionId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Engagements enregistrés.", () -> {
            List<Map<String, Object>> pledges = new ArrayList<>();
            for (String organisation : form.getOrDefault("organisations", "").split(",")) {
                if (organisation.isBlank()) {
                    continue;
                }
                BigDecimal cash = euros(form.get("numeraire-" + organisation), "numeraire-" + organisation);
                Integer days = Pages.wholeNumber(form.get("jours-" + organisation));
                BigDecimal daily = euros(form.get("valeur-" + organisation), "valeur-" + organisation);
                BigDecimal inKind = euros(form.get("nature-" + organisation), "nature-" + organisation);
                if (Pages.blank(form.get("jours-" + organisation)) != null && days == null) {
                    throw new ApiException(400, "Requête invalide", "Nombre de jours illisible : « " + form.get("jours-" + organisation)
                            + " ».", List.of(new ApiException.FieldError("jours-" + organisation, "un nombre entier de jours")));
                }
                if (cash != null || (days != null && days > 0) || inKind != null) {
                    pledges.add(Api.body("organisationId", organisation, "cash", cash, "skillsDays", days, "skillsDailyValue", daily,
                            "inKind", inKind));
                }
            }
            Map<String, Object> terms = terms(basin, conventionId);
            terms.put("pledges", pledges);
            api.put("/api/basins/{b}/conventions/{c}", terms, basin, conventionId);
        });
        return "redirect:/bassins/" + basin + "/conventions/" + conventionId;
    }

    /** The spending annex, year by year, and the partners' agreement to the operator's reimbursement. */
    @PostMapping("/bassins/{basin}/conventions/{conventionId}/annexe")
    String annex(@PathVariable String basin, @PathVariable String conventionId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Annexe budgétaire enregistrée.", () -> {
            Map<String, Object> terms = terms(basin, conventionId);
            List<Object> budget = new ArrayList<>();
            for (Object line : (List<?>) terms.getOrDefault("budget", List.of())) {
                if (!"SPENDING".equals(cast(line).get("kind"))) {
                    budget.add(line); // the resource lines this form does not show stay as they are
                }
            }
            for (int year = 1; year <= 3; year++) {
                for (String category : SPENDING.keySet()) {
                    String field = "depense-" + year + "-" + category;
                    BigDecimal amount = euros(form.get(field), field);
                    if (amount != null) {
                        budget.add(Api.body("year", year, "kind", "SPENDING", "category", category, "amount", amount));
                    }
                }
            }
            terms.put("budget", budget);
            terms.put("operatorReimbursementAgreedByAllPartners", form.containsKey("accordRemboursement"));
            api.put("/api/basins/{b}/conventions/{c}", terms, basin, conventionId);
        });
        return "redirect:/bassins/" + basin + "/conventions/" + conventionId;
    }

    /** Every pledging partner's signature with the operator convention's. */
    @PostMapping("/bassins/{basin}/conventions/{conventionId}/signature")
    String sign(@PathVariable String basin, @PathVariable String conventionId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String signedOn = Pages.blank(form.get("date"));
        List<Map<String, Object>> signatures = new ArrayList<>();
        for (String organisation : form.getOrDefault("signataires", "").split(",")) {
            if (!organisation.isBlank()) {
                signatures.add(Api.body("organisationId", organisation, "signatory", Pages.blank(form.get("signataire-" + organisation)),
                        "signedOn", signedOn));
            }
        }
        Pages.attempt(flash, "Convention signée.", () -> api.post("/api/basins/{b}/conventions/{c}/sign", Api.body(
                "signatures", signatures, "operatorConvention", Api.body(
                        "operatorOrganisationIds", Pages.blank(form.get("operateur")) == null ? List.of() : List.of(form.get("operateur")),
                        "astreesSignatory", Pages.blank(form.get("signataireAstrees")),
                        "operatorSignatory", Pages.blank(form.get("signataireOperateur")), "signedOn", signedOn)),
                basin, conventionId));
        return "redirect:/bassins/" + basin + "/conventions/" + conventionId;
    }

    /** The next convention, opened from this one. */
    @PostMapping("/bassins/{basin}/conventions/{conventionId}/renouvellement")
    String renew(@PathVariable String basin, @PathVariable String conventionId, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String[] next = new String[1];
        boolean ok = Pages.attempt(flash, "Convention suivante ouverte à la négociation.", () -> next[0] = api.post(
                "/api/basins/{b}/conventions/{c}/renew", Map.of(), basin, conventionId).path("conventionId").asString());
        return "redirect:/bassins/" + basin + "/conventions/" + (ok ? next[0] : conventionId);
    }

    /** The convention's terms as the API holds them now, to send back with one part changed. */
    private Map<String, Object> terms(String basin, String conventionId) {
        JsonNode convention = api.get("/api/basins/{b}/conventions/{c}", basin, conventionId);
        Map<String, Object> all = json.map(convention);
        Map<String, Object> terms = new LinkedHashMap<>();
        List<Object> pledges = new ArrayList<>();
        for (Object pledge : (List<?>) all.getOrDefault("pledges", List.of())) {
            Map<String, Object> p = cast(pledge);
            pledges.add(Api.body("organisationId", p.get("organisationId"), "cash", p.get("cash"), "skillsDays", p.get("skillsDays"),
                    "skillsDailyValue", p.get("skillsDailyValue"), "inKind", p.get("inKind"), "note", p.get("note")));
        }
        terms.put("pledges", pledges);
        for (String kept : List.of("objectives", "specificObjectives", "labourMarketArticulation", "budget",
                "operatorReimbursementAgreedByAllPartners")) {
            if (all.get(kept) != null) {
                terms.put(kept, all.get(kept));
            }
        }
        return terms;
    }

    /** The annex's spending amounts by « year-category », for the form. */
    private static Map<String, Object> annex(Map<String, Object> convention) {
        Map<String, Object> amounts = new LinkedHashMap<>();
        for (Object line : (List<?>) convention.getOrDefault("budget", List.of())) {
            Map<String, Object> l = cast(line);
            if ("SPENDING".equals(l.get("kind"))) {
                amounts.put(l.get("year") + "-" + l.get("category"), l.get("amount"));
            }
        }
        return amounts;
    }

    private static BigDecimal euros(String typed, String field) {
        return Pages.blank(typed) == null ? null : Money.parse(typed, field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
