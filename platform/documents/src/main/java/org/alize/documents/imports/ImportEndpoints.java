package org.alize.documents.imports;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.documents.Spreadsheet;
import org.alize.kernel.problem.InvalidInput;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The endpoints of a service's imports, under the path its subclass maps ({@code @RestController},
 * {@code @RequestMapping}, who may use them): the kinds and their templates, upload and preview, the imports and their
 * rows by page, the commit.
 */
public abstract class ImportEndpoints {

    /** An import as shown. */
    public record ImportView(String id, String kind, String kindSegment, String kindLabel, String filename,
            SpreadsheetImport.Status status, String statusLabel, int rows, Map<ImportRow.Outcome, Integer> counts,
            Instant createdAt, String createdBy, Instant committedAt, String committedBy) {
    }

    public record RowView(int line, ImportRow.Outcome outcome, String outcomeLabel, String targetId, String summary,
            List<ImportRow.Problem> problems, Map<String, String> cells) {

        static RowView of(ImportRow r) {
            return new RowView(r.line(), r.outcome(), r.outcome().label(), r.targetId(), r.summary(), r.problems(), r.cells());
        }
    }

    public record KindView(String segment, String label, List<Spreadsheet.Column> columns) {
    }

    private final Imports<?> imports;
    private final String path;

    /** @param path the imports' path with {@code %s} for the basin: {@code /api/basins/%s/imports} */
    protected ImportEndpoints(Imports<?> imports, String path) {
        this.imports = imports;
        this.path = path;
    }

    @GetMapping("/kinds")
    @Operation(summary = "Ce qui s'importe, et les colonnes de chaque modèle, par page (au plus 200)")
    public Paged<KindView> kinds(@PathVariable String basinId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        List<? extends Importable> all = imports.kinds();
        int from = (int) Math.min(all.size(), (long) page * size);
        return Paged.of(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), page, size, all.size(),
                k -> new KindView(k.segment(), k.title(), k.columns()));
    }

    @GetMapping("/{kind}/template")
    @Operation(summary = "Le modèle à remplir : format=csv (UTF-8, points-virgules) ou xlsx (avec une feuille d'aide)")
    public ResponseEntity<byte[]> template(@PathVariable String basinId, @PathVariable String kind,
            @RequestParam(defaultValue = "xlsx") String format) {
        Importable chosen = imports.kind(kind);
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
    public ResponseEntity<ImportView> upload(@PathVariable String basinId, @PathVariable String kind,
            @RequestParam("file") MultipartFile file) throws IOException {
        return previewed(imports.preview(imports.kind(kind), file.getOriginalFilename(), file.getBytes(),
                CurrentGrants.subject()));
    }

    @PostMapping(path = "/{kind}", consumes = {"text/csv", Spreadsheet.XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Le même dépôt, le fichier en corps de requête (CSV ou XLSX, au plus 256 Kio), son nom en paramètre")
    public ResponseEntity<ImportView> uploadBody(@PathVariable String basinId, @PathVariable String kind,
            @RequestParam(required = false) String filename, HttpServletRequest request) throws IOException {
        return previewed(imports.preview(imports.kind(kind), filename, request.getInputStream().readAllBytes(),
                CurrentGrants.subject()));
    }

    @GetMapping
    @Operation(summary = "Les imports du bassin, les plus récents d'abord, par page (au plus 200)")
    public Paged<ImportView> list(@PathVariable String basinId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return imports.list(page, size).map(this::view);
    }

    @GetMapping("/{importId}")
    @Operation(summary = "Un import : son état et le compte de ses lignes par issue")
    public ImportView get(@PathVariable String basinId, @PathVariable String importId) {
        return view(imports.get(importId));
    }

    @GetMapping("/{importId}/rows")
    @Operation(summary = "Les lignes d'un import dans l'ordre du fichier, par page ; outcome=REFUSED pour les refus")
    public Paged<RowView> rows(@PathVariable String basinId, @PathVariable String importId,
            @RequestParam(required = false) ImportRow.Outcome outcome,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return imports.rows(importId, outcome, page, size).map(RowView::of);
    }

    @PostMapping("/{importId}/commit")
    @Operation(summary = "Enregistrer les lignes acceptées (jugées à nouveau) : 202 tant que l'import est en cours (suivez "
            + "GET …/{importId}), 200 une fois importé ; relancé, il ne change rien")
    public ResponseEntity<ImportView> commit(@PathVariable String basinId, @PathVariable String importId) {
        SpreadsheetImport started = imports.commit(importId, CurrentGrants.subject());
        return ResponseEntity.status(started.status() == SpreadsheetImport.Status.COMMITTED ? 200 : 202).body(view(started));
    }

    private ResponseEntity<ImportView> previewed(SpreadsheetImport made) {
        return ResponseEntity.created(URI.create(path.formatted(BasinContext.require().value()) + "/" + made.id()))
                .body(view(made));
    }

    private ImportView view(SpreadsheetImport i) {
        Importable kind = imports.kindOf(i).orElse(null);
        return new ImportView(i.id(), i.kind(), kind == null ? null : kind.segment(), kind == null ? i.kind() : kind.title(),
                i.filename(), i.status(), i.status().label(), i.rows(), i.counts(), i.createdAt(), i.createdBy(),
                i.committedAt(), i.committedBy());
    }
}
