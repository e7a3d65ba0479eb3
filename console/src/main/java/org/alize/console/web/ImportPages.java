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
    static final Map<String, String> KINDS = Map.of("partenaires", "Partenaires et leurs engagements", "personnes", "Personnes");
    static final Map<String, String> OUTCOMES = Map.of("CREATE", "à créer", "UPDATE", "à modifier", "UNCHANGED", "déjà à jour",
            "REFUSED", "refusée(s)", "CREATED", "créée(s)", "UPDATED", "modifiée(s)");

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    ImportPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/imports")
    String list(@PathVariable String basin, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        operator(request, model, basin);
        JsonNode imports = api.get("/api/basins/{b}/imports?page={p}&size=20", basin, Math.max(0, page));
        model.addAttribute("imports", json.list(imports.path("items")));
        Paging.fromApi(model, imports);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("outcomes", OUTCOMES);
        return "basin/imports";
    }

    @GetMapping("/bassins/{basin}/imports/modele-{kind:partenaires|personnes}.{format:csv|xlsx}")
    ResponseEntity<byte[]> template(@PathVariable String basin, @PathVariable String kind, @PathVariable String format,
            HttpServletRequest request, Model model) {
        operator(request, model, basin);
        return Downloads.file(api.download("/api/basins/{b}/imports/{k}/template?format={f}", "csv".equals(format)
                ? "text/csv" : XLSX, basin, kind, format), "modele-" + kind + "." + format);
    }

    @PostMapping("/bassins/{basin}/imports/{kind:partenaires|personnes}")
    String upload(@PathVariable String basin, @PathVariable String kind, @RequestParam("fichier") MultipartFile file,
            HttpServletRequest request, Model model, RedirectAttributes flash) throws IOException {
        operator(request, model, basin);
        String name = file.getOriginalFilename() == null ? kind : file.getOriginalFilename();
        String type = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? XLSX : "text/csv";
        try {
            JsonNode previewed = api.upload("/api/basins/{b}/imports/{k}?filename={f}", type, file.getBytes(), basin, kind, name);
            flash.addFlashAttribute("success", "Fichier lu : voici ce que chaque ligne ferait. Rien n'est encore enregistré.");
            return "redirect:/bassins/" + basin + "/imports/" + previewed.path("id").asString();
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            Pages.refused(flash, e);
            return "redirect:/bassins/" + basin + "/imports";
        }
    }

    @GetMapping("/bassins/{basin}/imports/{id:imp-.+}")
    String preview(@PathVariable String basin, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean refusees, HttpServletRequest request, Model model) {
        operator(request, model, basin);
        model.addAttribute("imported", json.map(api.get("/api/basins/{b}/imports/{i}", basin, id)));
        JsonNode rows = refusees
                ? api.get("/api/basins/{b}/imports/{i}/rows?outcome=REFUSED&page={p}&size=50", basin, id, Math.max(0, page))
                : api.get("/api/basins/{b}/imports/{i}/rows?page={p}&size=50", basin, id, Math.max(0, page));
        model.addAttribute("rows", json.list(rows.path("items")));
        Paging.fromApi(model, rows);
        model.addAttribute("refusedOnly", refusees);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("outcomes", OUTCOMES);
        return "basin/import";
    }

    @PostMapping("/bassins/{basin}/imports/{id:imp-.+}/enregistrement")
    String commit(@PathVariable String basin, @PathVariable String id, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        operator(request, model, basin);
        try {
            // written in the background: the import's page says « en cours » until it is done, then each row's outcome
            JsonNode started = api.post("/api/basins/{b}/imports/{i}/commit", Map.of(), basin, id);
            Pages.done(flash, "COMMITTED".equals(started.path("status").asString())
                    ? "Import enregistré : chaque ligne dit ce qu'elle a fait."
                    : "Import lancé : rechargez la page dans un instant pour voir ce que chaque ligne a fait.");
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            Pages.refused(flash, e);
        }
        return "redirect:/bassins/" + basin + "/imports/" + id;
    }

    private void operator(HttpServletRequest request, Model model, String basin) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        if (!viewer.isOperator(basin)) {
            throw new ApiException(403, "Accès refusé", "Les imports du bassin sont faits par son opérateur local.", List.of());
        }
    }
}
