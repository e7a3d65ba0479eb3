package org.alize.console.web;

import java.time.Clock;
import java.util.ArrayList;
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

/** The partnership: the convention in force with its resource profile, partners, people, committees. */
@Controller
class PartnershipPages {

    static final int PAGE_SIZE = 20;

    private final Api api;
    private final Json json;
    private final Viewers viewers;
    private final Clock clock;

    PartnershipPages(Api api, Json json, Viewers viewers, Clock clock) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/bassins/{basin}/partenariat")
    String partnership(@PathVariable String basin, HttpServletRequest request, Model model) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        try {
            model.addAttribute("convention", json.map(api.get("/api/basins/{b}/conventions/in-force", basin)));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            model.addAttribute("convention", null);
        }
        String today = BasinCalendar.today(clock).toString();
        model.addAttribute("approval", json.map(api.get("/api/basins/{b}/committees/approval?on={d}", basin, today)));
        model.addAttribute("steering", json.map(api.get("/api/basins/{b}/committees/steering?on={d}", basin, today)));
        try {
            model.addAttribute("operatorBody", json.map(api.get("/api/basins/{b}/operator", basin)));
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            model.addAttribute("operatorBody", null); // none designated yet: the operator designates the first one here
        }
        model.addAttribute("today", today);
        if (viewer.isOperator(basin)) {
            // whom the operator may seat on a committee: the basin's people in activity (R-06)
            model.addAttribute("people", json.list(api.get("/api/basins/{b}/people?inActivity=true&size=100&page=0", basin)
                    .path("items")));
            // which organisation may become the local operator: one of the basin's, still in the partnership (R-03)
            model.addAttribute("operatorChoices", json.list(api.get(
                    "/api/basins/{b}/organisations?active=true&size=100&page=0", basin).path("items")));
        }
        return "basin/partnership";
    }

    /**
     * The local operator designated, or replaced (R-03, R-04): one organisation holding every function, the day of
     * the partners', the steering chair's and ASTREES' consensus, and the two dedicated bank accounts. Functions split
     * between organisations, the exception, are recorded through the API.
     */
    @PostMapping("/bassins/{basin}/partenariat/operateur")
    String appointOperator(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Opérateur local désigné.", () -> api.put("/api/basins/{b}/operator", Api.body(
                "holders", List.of(Api.body("organisationId", form.get("organisation"), "functions", List.of())),
                "appointedOn", Pages.blank(form.get("designeLe")),
                "consensus", Api.body("agreedOn", Pages.blank(form.get("consensusLe")),
                        "partnersAgreed", form.containsKey("accordPartenaires"),
                        "steeringChairAgreed", form.containsKey("accordPresident"),
                        "astreesAgreed", form.containsKey("accordAstrees")),
                "accounts", Api.body("advanceFund", Pages.blank(form.get("compteFonds")),
                        "operating", Pages.blank(form.get("compteFonctionnement")))), basin));
        return "redirect:/bassins/" + basin + "/partenariat";
    }

    /**
     * The committees' changes the operator records (R-06, R-07, R-23): a member seated on the approval committee or
     * their mandate ended, its president elected; the steering committee's members, its chair, its decisions.
     */
    @PostMapping("/bassins/{basin}/partenariat/comites/{action}")
    String committees(@PathVariable String basin, @PathVariable String action, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String from = Pages.blank(form.get("depuis"));
        String lastDay = Pages.blank(form.get("dernierJour"));
        switch (action) {
            case "agrement-nomination" -> Pages.attempt(flash, "Membre nommé au comité d'agrément.", () -> api.post(
                    "/api/basins/{b}/committees/approval/members", Api.body("personId", form.get("personne"), "seat", form.get("siege"),
                            "voting", form.containsKey("votant"), "from", from), basin));
            case "agrement-fin" -> Pages.attempt(flash, "Fin du mandat enregistrée.", () -> api.post(
                    "/api/basins/{b}/committees/approval/members/{m}/end", Api.body("lastDay", lastDay,
                            "reason", Pages.blank(form.get("motif"))), basin, form.get("mandat")));
            case "agrement-president" -> Pages.attempt(flash, "Présidence du comité d'agrément enregistrée.", () -> api.post(
                    "/api/basins/{b}/committees/approval/president", Api.body("personId", form.get("personne"), "from", from), basin));
            case "agrement-quorum" -> {
                Integer minimum = Pages.wholeNumber(form.get("minimum"));
                if ("MINIMUM_PRESENT".equals(form.get("regle")) && minimum == null) {
                    flash.addFlashAttribute("failure", "Nombre minimal illisible : un nombre entier de membres votants.");
                } else {
                    Pages.attempt(flash, "Règle de quorum du comité d'agrément enregistrée.", () -> api.put(
                            "/api/basins/{b}/committees/approval/quorum", Api.body("kind", form.get("regle"),
                                    "minimum", "MINIMUM_PRESENT".equals(form.get("regle")) ? minimum : null), basin));
                }
            }
            case "pilotage-membre" -> Pages.attempt(flash, "Membre ajouté au comité de pilotage.", () -> api.post(
                    "/api/basins/{b}/committees/steering/members", Api.body("personId", form.get("personne"), "from", from), basin));
            case "pilotage-fin" -> Pages.attempt(flash, "Fin de la participation enregistrée.", () -> api.post(
                    "/api/basins/{b}/committees/steering/members/{p}/end", Api.body("lastDay", lastDay), basin, form.get("personne")));
            case "pilotage-presidence" -> Pages.attempt(flash, "Présidence du comité de pilotage enregistrée.", () -> api.post(
                    "/api/basins/{b}/committees/steering/chair", Api.body("kind", form.get("nature"), "personId", form.get("personne"),
                            "prefectAgreedOn", Pages.blank(form.get("accordPrefet")), "from", from), basin));
            case "pilotage-decision" -> Pages.attempt(flash, "Décision « " + form.getOrDefault("reference", "").strip()
                    + " » enregistrée.", () -> api.post("/api/basins/{b}/committees/steering/decisions", Api.body(
                            "reference", form.get("reference"), "decidedOn", Pages.blank(form.get("date")),
                            "subject", form.get("objet")), basin));
            default -> throw new ApiException(404, "Page introuvable", "Cette action n'existe pas.", List.of());
        }
        return "redirect:/bassins/" + basin + "/partenariat";
    }

    @GetMapping("/bassins/{basin}/partenaires")
    String partners(@PathVariable String basin, @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "personnes", defaultValue = "0") int peoplePage, HttpServletRequest request, Model model) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        JsonNode organisations = api.get("/api/basins/{b}/organisations?size={s}&page={p}" + (Pages.blank(text) == null ? "" : "&q={q}"),
                basin, PAGE_SIZE, Math.max(0, page), text == null ? "" : text);
        model.addAttribute("organisations", json.list(organisations.path("items")));
        Paging.fromApi(model, organisations);
        model.addAttribute("q", text == null ? "" : text);
        JsonNode people = api.get("/api/basins/{b}/people?size={s}&page={p}", basin, PAGE_SIZE, Math.max(0, peoplePage));
        model.addAttribute("people", json.list(people.path("items")));
        Paging.pager(model, "peoplePager", "personnes", people.path("page").asInt(), people.path("totalPages").asInt(),
                "Pagination des personnes");
        model.addAttribute("schemes", json.list(api.get("/api/basins/{b}/support-schemes", basin)));
        if (viewer.isOperator(basin)) {
            // whom a new person may represent: the basin's organisations still in the partnership
            model.addAttribute("choices", json.list(api.get("/api/basins/{b}/organisations?active=true&size=100&page=0", basin)
                    .path("items")));
        }
        return "basin/partners";
    }

    /** An organisation joins the basin: a partner company, an associated partner, a public funder (R-02, R-05). */
    @PostMapping("/bassins/{basin}/partenaires/organisations")
    String join(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "« " + form.getOrDefault("nom", "").strip() + " » ajoutée aux organisations du bassin.",
                () -> api.post("/api/basins/{b}/organisations", organisationBody(form), basin));
        return "redirect:/bassins/" + basin + "/partenaires";
    }

    /** An organisation's record corrected: its name, SIRET, NAF code, address, the skills it offers (its type stays). */
    @PostMapping("/bassins/{basin}/partenaires/organisations/{organisation}")
    String updateOrganisation(@PathVariable String basin, @PathVariable String organisation,
            @RequestParam Map<String, String> form, HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Fiche de « " + form.getOrDefault("nom", "").strip() + " » enregistrée.",
                () -> api.put("/api/basins/{b}/organisations/{o}", organisationBody(form), basin, organisation));
        return "redirect:/bassins/" + basin + "/partenaires";
    }

    private static Map<String, Object> organisationBody(Map<String, String> form) {
        return Api.body("kind", form.get("nature"), "name", form.get("nom"),
                "siret", Pages.blank(form.get("siret")), "nafCode", Pages.blank(form.get("naf")),
                "sizeClass", Pages.blank(form.get("taille")), "associatedKind", Pages.blank(form.get("associe")),
                "funderKind", Pages.blank(form.get("financeur")), "skills", skills(form.get("competences")),
                "address", Api.body("street", Pages.blank(form.get("rue")), "postcode", Pages.blank(form.get("codePostal")),
                        "city", Pages.blank(form.get("commune"))));
    }

    @PostMapping("/bassins/{basin}/partenaires/organisations/{organisation}/retrait")
    String withdraw(@PathVariable String basin, @PathVariable String organisation, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Retrait de l'organisation enregistré.", () -> api.post(
                "/api/basins/{b}/organisations/{o}/withdraw", Api.body("reason", form.get("motif")), basin, organisation));
        return "redirect:/bassins/" + basin + "/partenaires";
    }

    /** A person of the basin: whom they represent, and whether they are in activity there (R-06). */
    @PostMapping("/bassins/{basin}/partenaires/personnes")
    String recordPerson(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, form.getOrDefault("prenom", "").strip() + " " + form.getOrDefault("nomPersonne", "").strip()
                + " enregistré(e).", () -> api.post("/api/basins/{b}/people", person(form), basin));
        return "redirect:/bassins/" + basin + "/partenaires";
    }

    /** A person's record changed: their contact, their title, or that they are no longer in activity (R-06). */
    @PostMapping("/bassins/{basin}/partenaires/personnes/{person}")
    String updatePerson(@PathVariable String basin, @PathVariable String person, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Fiche de " + form.getOrDefault("prenom", "").strip() + " " + form.getOrDefault("nomPersonne", "").strip()
                + " enregistrée.", () -> api.put("/api/basins/{b}/people/{p}", person(form), basin, person));
        return "redirect:/bassins/" + basin + "/partenaires";
    }

    private static Map<String, Object> person(Map<String, String> form) {
        String affiliation = form.getOrDefault("rattachement", "ORGANISATION");
        return Api.body("firstName", form.get("prenom"), "lastName", form.get("nomPersonne"),
                "email", Pages.blank(form.get("courriel")), "phone", Pages.blank(form.get("telephone")), "affiliation", affiliation,
                "organisationId", "ORGANISATION".equals(affiliation) ? Pages.blank(form.get("organisation")) : null,
                "jobTitle", Pages.blank(form.get("fonction")), "inActivity", !form.containsKey("inactif"));
    }

    /** Another support scheme of the basin enters its register (R-08): a PFIL, Réseau Entreprendre, France Active… */
    @PostMapping("/bassins/{basin}/partenaires/dispositifs")
    String registerScheme(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "« " + form.getOrDefault("nomDispositif", "").strip() + " » inscrit au registre des dispositifs.",
                () -> api.post("/api/basins/{b}/support-schemes", schemeBody(form), basin));
        return "redirect:/bassins/" + basin + "/partenaires#dispositifs";
    }

    /** A scheme's record corrected: its name, description, contact, site (R-08). */
    @PostMapping("/bassins/{basin}/partenaires/dispositifs/{scheme}")
    String updateScheme(@PathVariable String basin, @PathVariable String scheme, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Dispositif « " + form.getOrDefault("nomDispositif", "").strip() + " » enregistré.",
                () -> api.put("/api/basins/{b}/support-schemes/{s}", schemeBody(form), basin, scheme));
        return "redirect:/bassins/" + basin + "/partenaires#dispositifs";
    }

    private static Map<String, Object> schemeBody(Map<String, String> form) {
        return Api.body("name", form.get("nomDispositif"), "kind", form.get("type"),
                "description", Pages.blank(form.get("description")), "contactName", Pages.blank(form.get("contact")),
                "contactEmail", Pages.blank(form.get("courrielContact")), "contactPhone", Pages.blank(form.get("telephoneContact")),
                "website", Pages.blank(form.get("site")));
    }

    @PostMapping("/bassins/{basin}/partenaires/dispositifs/{scheme}/retrait")
    String retireScheme(@PathVariable String basin, @PathVariable String scheme, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Dispositif retiré du registre.", () -> api.post("/api/basins/{b}/support-schemes/{s}/retire",
                Api.body("reason", form.get("motif")), basin, scheme));
        return "redirect:/bassins/" + basin + "/partenaires#dispositifs";
    }

    /**
     * Skills typed one per line, « domaine : jours par an » (« industrialisation : 20 »); a line that does not read
     * so is refused with the line, before anything is sent.
     */
    static List<Map<String, Object>> skills(String typed) {
        List<Map<String, Object>> skills = new ArrayList<>();
        if (typed == null) {
            return skills;
        }
        for (String line : typed.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            Integer days = colon < 0 ? null : Pages.wholeNumber(line.substring(colon + 1));
            if (colon <= 0 || days == null || line.substring(0, colon).isBlank()) {
                throw new ApiException(400, "Requête invalide", "Compétence illisible : « " + line.strip()
                        + " ». Une par ligne, sous la forme « domaine : jours par an », par exemple « industrialisation : 20 ».",
                        List.of(new ApiException.FieldError("competences", "domaine : jours par an, une par ligne")));
            }
            skills.add(Api.body("domain", line.substring(0, colon).strip(), "indicativeDaysPerYear", days));
        }
        return skills;
    }


}
