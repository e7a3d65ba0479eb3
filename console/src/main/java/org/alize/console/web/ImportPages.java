package org.alize.console.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The basin's imports from its spreadsheets, for its operator: the templates to fill, the upload, the preview of every
 * row (what it creates or changes, what is refused and why, with the rule), then the import.
 */
@Controller
class ImportPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Map<String, String> OUTCOMES = Map.of("CREATE", "à créer", "UPDATE", "à modifier", "UNCHANGED", "déjà à jour",
            "REFUSED", "refusée(s)", "CREATED", "créée(s)", "UPDATED", "modifiée(s)");

    /** Where a basin's imports are: the register's (basin-service), the past projects' (project-service). */
    record Source(String path, String api, String title, List<String> kinds) {
    }

    static final Map<String, Source> SOURCES = Map.of(
            "imports", new Source("imports", "/api/basins/{b}/imports", "Imports du registre",
                    List.of("partenaires", "personnes")),
            "imports-projets", new Source("imports-projets", "/api/basins/{b}/project-imports", "Imports de projets passés",
                    List.of("projets")));
    static final Map<String, String> KINDS = Map.of("partenaires", "Partenaires et leurs engagements", "personnes", "Personnes",
            "projets", "Projets passés");

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    ImportPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/{source:imports|imports-projets}")
    String list(@PathVariable String basin, @PathVariable String source, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        Source from = source(request, model, basin, source);
        JsonNode imports = api.get(from.api() + "?page={p}&size=20", basin, Math.max(0, page));
        model.addAttribute("imports", json.list(imports.path("items")));
        Paging.fromApi(model, imports);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("outcomes", OUTCOMES);
        return "basin/imports";
    }

    @GetMapping("/bassins/{basin}/{source:imports|imports-projets}/modele-{kind:partenaires|personnes|projets}.{format:csv|xlsx}")
    ResponseEntity<byte[]> template(@PathVariable String basin, @PathVariable String source, @PathVariable String kind,
            @PathVariable String format, HttpServletRequest request, Model model) {
        Source from = source(request, model, basin, source);
        kind(from, kind);
        return Downloads.file(api.download(from.api() + "/{k}/template?format={f}", "csv".equals(format)
                ? "text/csv" : XLSX, basin, kind, format), "modele-" + kind + "." + format);
    }

    @PostMapping("/bassins/{basin}/{source:imports|imports-projets}/{kind:partenaires|personnes|projets}")
    String upload(@PathVariable String basin, @PathVariable String source, @PathVariable String kind,
            @RequestParam("fichier") MultipartFile file, HttpServletRequest request, Model model, RedirectAttributes flash)
            throws IOException {
        Source from = source(request, model, basin, source);
        kind(from, kind);
        String name = file.getOriginalFilename() == null ? kind : file.getOriginalFilename();
        String type = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : "text/csv";
        try {
            JsonNode previewed = api.upload(from.api() + "/{k}?filename={f}", type, file.getBytes(), basin, kind, name);
            flash.addFlashAttribute("success", "Fichier lu : voici ce que chaque ligne ferait. Rien n'est encore enregistré.");
            return "redirect:/bassins/" + basin + "/" + from.path() + "/" + previewed.path("id").asString();
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            Pages.refused(flash, e);
            return "redirect:/bassins/" + basin + "/" + from.path();
        }
    }

    @GetMapping("/bassins/{basin}/{source:imports|imports-projets}/{id:imp-.+}")
    String preview(@PathVariable String basin, @PathVariable String source, @PathVariable String id,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean refusees,
            HttpServletRequest request, Model model) {
        Source from = source(request, model, basin, source);
        model.addAttribute("imported", json.map(api.get(from.api() + "/{i}", basin, id)));
        JsonNode rows = refusees
                ? api.get(from.api() + "/{i}/rows?outcome=REFUSED&page={p}&size=50", basin, id, Math.max(0, page))
                : api.get(from.api() + "/{i}/rows?page={p}&size=50", basin, id, Math.max(0, page));
        model.addAttribute("rows", json.list(rows.path("items")));
        Paging.fromApi(model, rows);
        model.addAttribute("refusedOnly", refusees);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("outcomes", OUTCOMES);
        return "basin/import";
    }

    @PostMapping("/bassins/{basin}/{source:imports|imports-projets}/{id:imp-.+}/enregistrement")
    String commit(@PathVariable String basin, @PathVariable String source, @PathVariable String id,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Source from = source(request, model, basin, source);
        try {
            // written in the background: the import's page says « en cours » until it is done, then each row's outcome
            JsonNode started = api.post(from.api() + "/{i}/commit", Map.of(), basin, id);
            Pages.done(flash, "COMMITTED".equals(started.path("status").asString())
                    ? "Import enregistré : chaque ligne dit ce qu'elle a fait."
                    : "Import lancé : rechargez la page dans un instant pour voir ce que chaque ligne a fait.");
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            Pages.refused(flash, e);
        }
        return "redirect:/bassins/" + basin + "/" + from.path() + "/" + id;
    }

    private static void kind(Source from, String kind) {
        if (!from.kinds().contains(kind)) {
            throw new ApiException(404, "Page introuvable", "On n'importe pas « " + kind + " » ici.", List.of());
        }
    }

    private Source source(HttpServletRequest request, Model model, String basin, String source) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        if (!viewer.isOperator(basin)) {
            throw new ApiException(403, "Accès refusé", "Les imports du bassin sont faits par son opérateur local.", List.of());
        }
        Source from = SOURCES.get(source);
        model.addAttribute("source", from);
        model.addAttribute("sources", SOURCES.values().stream().sorted(java.util.Comparator.comparing(Source::path)).toList());
        return from;
    }
}
