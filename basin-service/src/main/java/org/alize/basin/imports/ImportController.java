package org.alize.basin.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.documents.Spreadsheet;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The basin's imports from spreadsheets, for its operator: templates, upload and preview, commit. */
@RestController
@RequestMapping("/api/basins/{basinId}/imports")
@RequiresBasinRole(BasinRole.OPERATOR)
@Tag(name = "Imports", description = "Les partenaires (avec leurs engagements dans la convention en négociation) et les "
        + "personnes du bassin repris des tableurs : un modèle CSV ou XLSX, un aperçu ligne par ligne (à créer, à modifier, "
        + "déjà à jour, refusée avec la raison et la règle), puis l'import, qui ne change rien s'il est relancé.")
class ImportController {

    /** An import as shown. */
    record ImportView(String id, ImportKind kind, String kindSegment, String kindLabel, String filename,
            BasinImport.Status status, String statusLabel, int rows, Map<ImportRow.Outcome, Integer> counts,
            Instant createdAt, String createdBy, Instant committedAt, String committedBy) {

        static ImportView of(BasinImport i) {
            return new ImportView(i.id(), i.kind(), i.kind().segment(), i.kind().title(), i.filename(), i.status(),
                    i.status().label(), i.rows(), i.counts(), i.createdAt(), i.createdBy(), i.committedAt(), i.committedBy());
        }
    }

    record RowView(int line, ImportRow.Outcome outcome, String outcomeLabel, String targetId, String summary,
            List<ImportRow.Problem> problems, Map<String, String> cells) {

        static RowView of(ImportRow r) {
            return new RowView(r.line(), r.outcome(), r.outcome().label(), r.targetId(), r.summary(), r.problems(), r.cells());
        }
    }

    record KindView(String segment, String label, List<Spreadsheet.Column> columns) {
    }

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/kinds")
    @Operation(summary = "Ce qui s'importe, et les colonnes de chaque modèle, par page (au plus 200)")
    Paged<KindView> kinds(@PathVariable String basinId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        List<ImportKind> all = List.of(ImportKind.values());
        int from = (int) Math.min(all.size(), (long) page * size);
        return Paged.of(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size(),
                k -> new KindView(k.segment(), k.title(), k.columns()));
    }

    @GetMapping("/{kind}/template")
    @Operation(summary = "Le modèle à remplir : format=csv (UTF-8, points-virgules) ou xlsx (avec une feuille d'aide)")
    ResponseEntity<byte[]> template(@PathVariable String basinId, @PathVariable String kind,
            @RequestParam(defaultValue = "xlsx") String format) {
        ImportKind chosen = kind(kind);
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) {
            throw InvalidInput.field("format", "csv ou xlsx");
        }
        byte[] body = csv ? Spreadsheet.csvTemplate(chosen.columns(), chosen.examples())
                : Spreadsheet.xlsxTemplate(chosen.title(), chosen.columns(), chosen.examples());
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(Spreadsheet.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("modele-" + chosen.segment() + (csv ? ".csv" : ".xlsx")).build().toString())
                .body(body);
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Déposer un fichier (partie « file ») : l'aperçu de chaque ligne, rien n'est encore enregistré")
    ResponseEntity<ImportView> upload(@PathVariable String basinId, @PathVariable String kind,
            @RequestParam("file") MultipartFile file) throws IOException {
        return previewed(imports.preview(kind(kind), file.getOriginalFilename(), file.getBytes(), CurrentGrants.subject()));
    }

    @PostMapping(path = "/{kind}", consumes = {"text/csv", Spreadsheet.XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Le même dépôt, le fichier en corps de requête (CSV ou XLSX, au plus 256 Kio), son nom en paramètre")
    ResponseEntity<ImportView> uploadBody(@PathVariable String basinId, @PathVariable String kind,
            @RequestParam(required = false) String filename, HttpServletRequest request) throws IOException {
        return previewed(imports.preview(kind(kind), filename, request.getInputStream().readAllBytes(), CurrentGrants.subject()));
    }

    @GetMapping
    @Operation(summary = "Les imports du bassin, les plus récents d'abord, par page (au plus 200)")
    Paged<ImportView> list(@PathVariable String basinId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return imports.list(page, size).map(ImportView::of);
    }

    @GetMapping("/{importId}")
    @Operation(summary = "Un import : son état et le compte de ses lignes par issue")
    ImportView get(@PathVariable String basinId, @PathVariable String importId) {
        return ImportView.of(imports.get(importId));
    }

    @GetMapping("/{importId}/rows")
    @Operation(summary = "Les lignes d'un import dans l'ordre du fichier, par page ; outcome=REFUSED pour les refus")
    Paged<RowView> rows(@PathVariable String basinId, @PathVariable String importId,
            @RequestParam(required = false) ImportRow.Outcome outcome,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return imports.rows(importId, outcome, page, size).map(RowView::of);
    }

    @PostMapping("/{importId}/commit")
    @Operation(summary = "Enregistrer les lignes acceptées (jugées à nouveau) : 202 tant que l'import est en cours (suivez "
            + "GET …/imports/{importId}), 200 une fois importé ; relancé, il ne change rien")
    ResponseEntity<ImportView> commit(@PathVariable String basinId, @PathVariable String importId) {
        BasinImport started = imports.commit(importId, CurrentGrants.subject());
        return ResponseEntity.status(started.status() == BasinImport.Status.COMMITTED ? 200 : 202).body(ImportView.of(started));
    }

    private static ResponseEntity<ImportView> previewed(BasinImport made) {
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/imports/" + made.id()))
                .body(ImportView.of(made));
    }

    private static ImportKind kind(String segment) {
        return ImportKind.of(segment).orElseThrow(() -> new NotFound("import.kind-not-found",
                "On n'importe pas « " + segment + " » : partenaires ou personnes."));
    }
}
