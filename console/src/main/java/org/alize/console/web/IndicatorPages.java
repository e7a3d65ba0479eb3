package org.alize.console.web;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.kernel.BasinCalendar;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/** Indicator pages (a basin's year, the network dashboard) and their CSV / spreadsheet exports. */
@Controller
class IndicatorPages {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Api api;
    private final Json json;
    private final Viewers viewers;
    private final Clock clock;

    IndicatorPages(Api api, Json json, Viewers viewers, Clock clock) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/bassins/{basin}/indicateurs")
    String basin(@PathVariable String basin, @RequestParam(name = "annee", required = false) Integer year,
            HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        int shown = year == null ? BasinCalendar.today(clock).getYear() : year;
        JsonNode view = api.get("/api/basins/{b}/indicators?year={y}", basin, shown);
        model.addAttribute("view", json.map(view));
        model.addAttribute("year", shown);
        model.addAttribute("years", BasinCalendar.today(clock).getYear());
        model.addAttribute("series", json.map(api.get("/api/basins/{b}/indicators/series", basin)));
        model.addAttribute("cohorts", json.map(api.get("/api/basins/{b}/indicators/cohorts", basin)));
        return "basin/indicators";
    }

    @GetMapping("/bassins/{basin}/indicateurs/export")
    ResponseEntity<byte[]> basinExport(@PathVariable String basin, @RequestParam(name = "annee") int year,
            @RequestParam(name = "format", defaultValue = "csv") String format, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        if (PDF_FORMAT.equals(format)) {
            return Downloads.file(api.download("/api/basins/{b}/indicators/report?year={y}", PDF, basin, year),
                    "rapport-activite-" + basin + "-" + year + ".pdf");
        }
        return download(api.download("/api/basins/{b}/indicators?year={y}", accept(format), basin, year),
                "indicateurs-" + basin + "-" + year, format);
    }

    /** Basins per page of the network's table. */
    static final int NETWORK_ROWS = 50;

    @GetMapping("/reseau")
    String network(@RequestParam(name = "annee", required = false) Integer year,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "tri", defaultValue = "basinId") String sort, HttpServletRequest request, Model model) {
        Viewer viewer = Pages.viewer(viewers, request, model);
        if (!viewer.isNetwork()) {
            throw new org.alize.console.api.ApiException(403, "Accès refusé",
                    "Le tableau de bord du réseau est réservé à ASTREES et au comité national.", java.util.List.of());
        }
        int shown = year == null ? BasinCalendar.today(clock).getYear() : year;
        // a page of basins at a time: the network's totals and quartiles come with every page
        Map<String, Object> view = json.map(api.get("/api/network/indicators?year={y}&page={p}&size={s}&sort={t}", shown, Math.max(0, page),
                NETWORK_ROWS, sort));
        model.addAttribute("view", view);
        model.addAttribute("sort", sort);
        Paging.pager(model, "pager", "page", number(view.get("page")), number(view.get("totalPages")), "Pages des bassins");
        model.addAttribute("series", json.map(api.get("/api/network/indicators/series")));
        model.addAttribute("basins", json.map(api.get("/api/network/basins?size=100")));
        model.addAttribute("cohorts", json.map(api.get("/api/network/indicators/cohorts")));
        model.addAttribute("year", shown);
        model.addAttribute("years", BasinCalendar.today(clock).getYear());
        return "network/home";
    }

    @GetMapping("/reseau/export")
    ResponseEntity<byte[]> networkExport(@RequestParam(name = "annee") int year,
            @RequestParam(name = "format", defaultValue = "csv") String format, HttpServletRequest request, Model model) {
        Pages.viewer(viewers, request, model);
        if (PDF_FORMAT.equals(format)) {
            return Downloads.file(api.download("/api/network/indicators/report?year={y}", PDF, year),
                    "rapport-annuel-reseau-" + year + ".pdf");
        }
        return download(api.download("/api/network/indicators?year={y}", accept(format), year), "indicateurs-reseau-" + year,
                format);
    }

    /** The annual report (the basin's activity report, the network's annual report) rather than a table. */
    private static final String PDF_FORMAT = "pdf";
    private static final String PDF = "application/pdf";

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static String accept(String format) {
        return "xlsx".equals(format) ? XLSX : "text/csv";
    }

    private static ResponseEntity<byte[]> download(Api.Download file, String name, String format) {
        return Downloads.file(file, name + "." + ("xlsx".equals(format) ? "xlsx" : "csv"));
    }

}
