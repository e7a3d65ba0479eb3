package org.alize.finance.journal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alize.tenancy.BasinContext;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/journal")
@Tag(name = "Journal", description = "Écritures en partie double, soldes, rapprochement, exports FEC et CSV (R-31)")
class JournalController {

    private final JournalService journal;

    JournalController(JournalService journal) {
        this.journal = journal;
    }

    @GetMapping
    @Operation(summary = "Les écritures, dans l'ordre de leur numéro")
    List<JournalEntry> entries(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return journal.entries(from, to);
    }

    @GetMapping("/balances")
    @Operation(summary = "Le solde de chaque compte, somme de ses écritures à une date (toutes par défaut)")
    Collection<JournalService.Balance> balances(@RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return journal.balances(on).values();
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Rapprocher le journal et les avances : toute différence est signalée")
    JournalService.Reconciliation reconciliation() {
        return journal.reconcile();
    }

    @GetMapping(value = "/fec", produces = "text/tab-separated-values")
    @Operation(summary = "Fichier des écritures comptables (FEC)")
    ResponseEntity<byte[]> fec(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return file(journal.fec(from, to), "text/tab-separated-values", BasinContext.require() + "FEC"
                + (to == null ? "" : to.toString().replace("-", "")) + ".txt");
    }

    @GetMapping(value = "/csv", produces = "text/csv")
    @Operation(summary = "Le journal en CSV")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return file(journal.csv(from, to), "text/csv", "journal-" + BasinContext.require() + ".csv");
    }

    private static ResponseEntity<byte[]> file(String content, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .body(content.getBytes(StandardCharsets.UTF_8));
    }
}
