package org.alize.finance.journal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.finance.AsOf;
import org.alize.kernel.Csv;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.web.Paged;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/basins/{basinId}/journal")
@Tag(name = "Journal", description = "Écritures en partie double, soldes, rapprochement, exports FEC et CSV (R-31)")
class JournalController {

    private final JournalService journal;

    JournalController(JournalService journal) {
        this.journal = journal;
    }

    @GetMapping
    @Operation(summary = "Les écritures, par page (au plus 200), dans l'ordre de leur numéro (les plus récentes d'abord si demandé)")
    Paged<JournalEntry> entries(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size,
            @RequestParam(defaultValue = "false") boolean newestFirst) {
        return journal.page(from, to, page, size, newestFirst);
    }

    @GetMapping("/balances")
    @Operation(summary = "La balance : le solde de chaque compte, somme de ses écritures datées d'une date ou avant "
            + "(toutes par défaut)")
    Collection<JournalService.Balance> balances(@RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "la date de la balance (fin de journée)",
                    example = "2025-12-31") LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "ancien nom de asOf", deprecated = true) LocalDate on) {
        LocalDate date = asOf != null ? asOf : on;
        return journal.balances(date == null ? null : AsOf.resolve(date, journal.today())).values();
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Rapprocher le journal et les avances : toute différence est signalée")
    JournalService.Reconciliation reconciliation(@RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Parameter(description = "la date du rapprochement (fin de journée)",
                    example = "2025-12-31") LocalDate asOf) {
        return journal.reconcile(AsOf.resolve(asOf, journal.today()));
    }

    @GetMapping(value = "/fec", produces = "text/tab-separated-values")
    @Operation(summary = "Fichier des écritures comptables (FEC), écrit au fil de la lecture du journal")
    ResponseEntity<StreamingResponseBody> fec(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        BasinId basin = BasinContext.require();
        return file(writer -> journal.fec(from, to, writer), basin, "text/tab-separated-values",
                basin + "FEC" + (to == null ? "" : to.toString().replace("-", "")) + ".txt");
    }

    @GetMapping(value = "/csv", produces = Csv.MEDIA_TYPE)
    @Operation(summary = "Le journal en CSV, écrit au fil de la lecture du journal")
    ResponseEntity<StreamingResponseBody> csv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        BasinId basin = BasinContext.require();
        return file(writer -> journal.csv(from, to, writer), basin, Csv.MEDIA_TYPE, "journal-" + basin + ".csv");
    }

    /** What writes an export: the journal read from a cursor straight into the response. */
    private interface Export {
        void writeTo(Writer writer) throws IOException;
    }

    /**
     * A download written as it is read, in the basin of the request (the body is written on another thread,
     * which has no basin of its own).
     */
    private static ResponseEntity<StreamingResponseBody> file(Export export, BasinId basin, String type, String name) {
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            try (BasinContext.Scope ignored = BasinContext.open(basin)) {
                export.writeTo(writer);
            }
            writer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
