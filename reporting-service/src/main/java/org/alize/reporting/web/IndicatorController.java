package org.alize.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.alize.kernel.BasinCalendar;
import org.alize.reporting.export.CsvExport;
import org.alize.reporting.export.Table;
import org.alize.reporting.export.Tables;
import org.alize.reporting.export.XlsxExport;
import org.alize.reporting.report.AnnualReports;
import org.alize.reporting.view.BasinYearView;
import org.alize.reporting.view.CohortsView;
import org.alize.reporting.view.ConventionPeriodsView;
import org.alize.reporting.view.IndicatorViews;
import org.alize.reporting.view.NetworkYearView;
import org.alize.reporting.view.SeriesView;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.web.Paged;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Indicateurs", description = "Indicateurs par bassin et par année face aux références (R-13, R-14, R-30, R-40, "
        + "R-41), vue du réseau (R-42). Chaque vue se télécharge aussi en CSV (Accept: text/csv) ou en XLSX.")
class IndicatorController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CSV = CsvExport.MEDIA_TYPE;
    private static final String XLSX = XlsxExport.MEDIA_TYPE;

    private static final String PDF = MediaType.APPLICATION_PDF_VALUE;

    private final IndicatorViews views;
    private final AnnualReports reports;
    private final Clock clock;

    IndicatorController(IndicatorViews views, AnnualReports reports, Clock clock) {
        this.views = views;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators/cohorts", produces = JSON)
    @Operation(summary = "L'évaluation a posteriori par cohorte (R-42) : pour les projets agréés chaque année, les emplois "
            + "prévus face aux emplois durables déclarés 12, 18 et 24 mois après l'agrément, les entreprises encore "
            + "suivies, clôturées ou non suivies (abandon, convention pas encore signée), les avances remboursées, à jour, en impayé ou passées en perte, et "
            + "les euros d'avances versés par emploi durable ; à la date du jour (un horizon pas encore atteint est dit "
            + "tel, jamais compté zéro)")
    CohortsView basinCohorts() {
        return views.basinCohorts(basin());
    }

    @GetMapping(path = "/api/network/indicators/cohorts", produces = JSON)
    @Operation(summary = "Les cohortes du réseau (rôles réseau) : chaque année, les cohortes de tous les bassins additionnées")
    CohortsView networkCohorts() {
        return views.networkCohorts();
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators/report", produces = PDF)
    @Operation(summary = "Le rapport d'activité de l'année du bassin (PDF), pour son comité local de pilotage et "
            + "d'évaluation : chiffres clés face aux références et aux quartiles du réseau, graphiques (profil des "
            + "ressources, emplois par année, fonds d'avances), conventions, méthodes et définitions. Pour une année "
            + "passée, il se régénère à partir des mêmes chiffres que l'API.")
    ResponseEntity<byte[]> basinReport(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        int y = yearOr(year);
        return pdf(reports.basin(basin(), y), "rapport-activite-" + basin() + "-" + y);
    }

    @GetMapping(path = "/api/network/indicators/report", produces = PDF)
    @Operation(summary = "Le rapport annuel du réseau (PDF, rôles réseau), pour ASTREES et le comité national : chiffres "
            + "clés, totaux et quartiles, graphiques, un tableau par bassin, méthodes et définitions.")
    ResponseEntity<byte[]> networkReport(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        int y = yearOr(year);
        return pdf(reports.network(y), "rapport-annuel-reseau-" + y);
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName + ".pdf").build().toString()).body(body);
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators", produces = JSON)
    @Operation(summary = "Les indicateurs du bassin pour une année civile (par défaut l'année en cours), chacun face à sa "
            + "référence et aux quartiles anonymisés du réseau (à partir de 5 bassins comparables)")
    BasinYearView basinYear(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return views.basinYear(basin(), yearOr(year));
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators", produces = {CSV, XLSX})
    ResponseEntity<byte[]> basinYearExport(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        int y = yearOr(year);
        return export(Tables.basinYear(views.basinYear(basin(), y)), "indicateurs-" + basin() + "-" + y, accept);
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators/series", produces = JSON)
    @Operation(summary = "Les indicateurs du bassin année par année")
    SeriesView basinSeries() {
        return views.basinSeries(basin());
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators/series", produces = {CSV, XLSX})
    ResponseEntity<byte[]> basinSeriesExport(@RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return export(Tables.series(views.basinSeries(basin())), "series-" + basin(), accept);
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators/conventions", produces = JSON)
    @Operation(summary = "Les indicateurs du bassin sur chaque convention de partenariat : flux cumulés sur les années "
            + "couvertes, face aux objectifs de la convention (225 emplois, R-41)")
    ConventionPeriodsView conventionPeriods() {
        return views.conventionPeriods(basin());
    }

    @GetMapping(path = "/api/basins/{basinId}/indicators/conventions", produces = {CSV, XLSX})
    ResponseEntity<byte[]> conventionPeriodsExport(
            @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return export(Tables.conventionPeriods(views.conventionPeriods(basin())), "conventions-" + basin(), accept);
    }

    @GetMapping(path = "/api/network/indicators", produces = JSON)
    @Operation(summary = "Le réseau pour une année : totaux et quartiles de chaque indicateur, et une page de lignes, une "
            + "par bassin avec ses indicateurs et ses rangs (rôles réseau) ; `sort` ordonne les lignes par le rang d'un "
            + "indicateur (sa clé, le meilleur d'abord) ou par identifiant de bassin (`basinId`, par défaut). Les exports CSV "
            + "et XLSX donnent toutes les lignes.")
    NetworkYearView networkYear(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + Paged.MAX_SIZE) @Min(1) @Max(Paged.MAX_SIZE) int size,
            @RequestParam(defaultValue = NetworkYearView.BY_BASIN) @Size(max = 64) String sort) {
        return views.networkYear(yearOr(year), page, size, sort);
    }

    @GetMapping(path = "/api/network/indicators", produces = {CSV, XLSX})
    ResponseEntity<byte[]> networkYearExport(@RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestHeader(HttpHeaders.ACCEPT) String accept) {
        int y = yearOr(year);
        return export(Tables.networkYear(views.networkYear(y)), "reseau-" + y, accept);
    }

    @GetMapping(path = "/api/network/indicators/series", produces = JSON)
    @Operation(summary = "Le réseau année par année : totaux (ou médianes pour les délais et les parts) sur les bassins")
    SeriesView networkSeries() {
        return views.networkSeries();
    }

    @GetMapping(path = "/api/network/indicators/series", produces = {CSV, XLSX})
    ResponseEntity<byte[]> networkSeriesExport(@RequestHeader(HttpHeaders.ACCEPT) String accept) {
        return export(Tables.series(views.networkSeries()), "series-reseau", accept);
    }

    private static ResponseEntity<byte[]> export(Table table, String fileName, String accept) {
        boolean xlsx = accept.contains(XLSX);
        byte[] body = xlsx ? XlsxExport.write(table) : CsvExport.write(table);
        MediaType type = xlsx ? MediaType.parseMediaType(XLSX) : new MediaType("text", "csv", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName + (xlsx ? ".xlsx" : ".csv")).build().toString()).body(body);
    }

    private int yearOr(Integer year) {
        return year != null ? year : BasinCalendar.today(clock).getYear();
    }

    private static String basin() {
        return BasinContext.require().value();
    }
}
