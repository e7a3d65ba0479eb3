package org.alize.console.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.kernel.BasinCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** The basin's money: the two accounts, the advances with their arrears, the fund's outlook, one advance's page. */
@Controller
class FinancePages {

    static final int PAGE_SIZE = 15;

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    FinancePages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/finances")
    String finance(@PathVariable String basin, @RequestParam(defaultValue = "0") int page,
            @RequestParam(name = "au", required = false) String on, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        LocalDate today = LocalDate.now(BasinCalendar.ZONE);
        LocalDate asOf = positionDate(on, today, model);
        model.addAttribute("asOf", asOf);
        model.addAttribute("today", today);
        model.addAttribute("accounts", json.list(api.get("/api/basins/{b}/accounts?asOf={d}", basin, asOf)));
        model.addAttribute("lossRate", json.map(api.get("/api/basins/{b}/loss-rate?asOf={d}", basin, asOf)));
        model.addAttribute("arrears", json.map(api.get("/api/basins/{b}/arrears?asOf={d}", basin, asOf)));
        model.addAttribute("outlook", json.map(api.get("/api/basins/{b}/fund-outlook", basin)));
        JsonNode advances = api.get("/api/basins/{b}/advances?page={p}&size={s}&asOf={d}", basin, Math.max(0, page), PAGE_SIZE,
                asOf);
        model.addAttribute("advances", json.list(advances.path("items")));
        Paging.fromApi(model, advances);
        return "basin/finance";
    }

    /** The ageing buckets of the arrears report: their upper bounds in days, typed « 30, 90, 180 ». */
    @PostMapping("/bassins/{basin}/finances/tranches-impayes")
    String buckets(@PathVariable String basin, @RequestParam(name = "bornes") String typed, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        List<Integer> bounds = new java.util.ArrayList<>();
        for (String part : typed.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            Integer days = Pages.wholeNumber(part);
            if (days == null || bounds.size() >= 20) {
                flash.addFlashAttribute("failure", "Bornes illisibles : des nombres entiers de jours, par exemple 30, 90, 180.");
                return "redirect:/bassins/" + basin + "/finances#impayes";
            }
            bounds.add(days);
        }
        Pages.attempt(flash, "Tranches d'ancienneté enregistrées.", () -> api.put("/api/basins/{b}/arrears/buckets",
                Api.body("upperBounds", bounds), basin));
        return "redirect:/bassins/" + basin + "/finances#impayes";
    }

    /** Subsidised loans and direct financing the committee granted, followed until the lender or funder pays. */
    @GetMapping("/bassins/{basin}/soutiens")
    String grantedSupport(@PathVariable String basin, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        Pages.inBasin(viewers, request, model, basin);
        JsonNode support = api.get("/api/basins/{b}/granted-support?page={p}&size={s}", basin, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("support", json.list(support.path("items")));
        Paging.fromApi(model, support);
        model.addAttribute("today", LocalDate.now(BasinCalendar.ZONE));
        return "basin/support";
    }

    @PostMapping("/bassins/{basin}/soutiens/{supportId}/{kind:pret|financement}")
    String supportPaid(@PathVariable String basin, @PathVariable String supportId, @PathVariable String kind,
            @RequestParam(name = "date") String paidOn, HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        boolean loan = "pret".equals(kind);
        Pages.attempt(flash, loan ? "Versement du prêt bonifié enregistré." : "Versement du financement direct enregistré.",
                () -> api.post("/api/basins/{b}/granted-support/{s}/" + (loan ? "loan-paid" : "financing-paid"),
                        Api.body("paidOn", Pages.blank(paidOn)), basin, supportId));
        return "redirect:/bassins/" + basin + "/soutiens";
    }

    /**
     * The date the finance page reads its positions at: today unless another day is chosen; a date that cannot be
     * read, or is still to come, is said so beside the picker and today's positions are shown.
     */
    static LocalDate positionDate(String on, LocalDate today, Model model) {
        if (on == null || on.isBlank()) {
            return today;
        }
        try {
            LocalDate date = LocalDate.parse(on.strip());
            if (!date.isAfter(today) && !date.isBefore(LocalDate.of(1990, 1, 1))) {
                return date;
            }
            model.addAttribute("dateError", "Choisissez une date passée ou aujourd'hui : les positions du jour sont affichées.");
        } catch (DateTimeParseException e) {
            model.addAttribute("dateError", "Date illisible (attendue : AAAA-MM-JJ) : les positions du jour sont affichées.");
        }
        return today;
    }

    /** Partners' contributions received and the year's operating expenses against the operator's 10 000 € cap. */
    @GetMapping("/bassins/{basin}/ressources")
    String resources(@PathVariable String basin, @RequestParam(defaultValue = "0") int page,
            @RequestParam(name = "annee", required = false) Integer year, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        JsonNode contributions = api.get("/api/basins/{b}/contributions?page={p}&size=15&newestFirst=true", basin,
                Math.max(0, page));
        model.addAttribute("contributions", json.list(contributions.path("items")));
        Paging.fromApi(model, contributions);
        model.addAttribute("expenses", json.map(year == null ? api.get("/api/basins/{b}/operating-expenses", basin)
                : api.get("/api/basins/{b}/operating-expenses?year={y}", basin, year)));
        model.addAttribute("partners", json.list(api.get("/api/basins/{b}/organisations?size=100", basin).path("items")));
        // the latest transfers: the page shows them beside the form, the journal keeps them all
        model.addAttribute("transfers", json.list(api.get("/api/basins/{b}/transfers?size=50&newestFirst=true", basin)
                .path("items")));
        return "basin/resources";
    }

    @PostMapping("/bassins/{basin}/ressources/contributions")
    String contribute(@PathVariable String basin, @RequestParam java.util.Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Contribution de " + form.getOrDefault("montant", "").strip() + " € enregistrée.",
                () -> api.post("/api/basins/{b}/contributions", Api.body("partnerId", form.get("partenaire"),
                        "kind", form.get("nature"), "account", form.get("compte"),
                        "amount", Money.parse(form.get("montant"), "montant"), "on", Pages.blank(form.get("date")),
                        "description", Pages.blank(form.get("description"))), basin));
        return "redirect:/bassins/" + basin + "/ressources";
    }

    @PostMapping("/bassins/{basin}/ressources/depenses")
    String spend(@PathVariable String basin, @RequestParam java.util.Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Dépense de " + form.getOrDefault("montant", "").strip() + " € enregistrée.",
                () -> api.post("/api/basins/{b}/operating-expenses", Api.body("category", form.get("categorie"),
                        "amount", Money.parse(form.get("montant"), "montant"), "paidOn", Pages.blank(form.get("date")),
                        "description", form.get("description"), "payee", Pages.blank(form.get("beneficiaire"))), basin));
        return "redirect:/bassins/" + basin + "/ressources";
    }

    /** A transfer between the advance fund and the operating account, on a recorded approval. */
    @PostMapping("/bassins/{basin}/ressources/virements")
    String transfer(@PathVariable String basin, @RequestParam java.util.Map<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String from = form.get("depuis");
        Pages.attempt(flash, "Virement de " + form.getOrDefault("montant", "").strip() + " € enregistré.",
                () -> api.post("/api/basins/{b}/transfers", Api.body("from", from, "to",
                        "ADVANCE_FUND".equals(from) ? "OPERATING_ACCOUNT" : "ADVANCE_FUND",
                        "amount", Money.parse(form.get("montant"), "montant"), "on", Pages.blank(form.get("date")),
                        "approvalReference", Pages.blank(form.get("approbation")), "reason", Pages.blank(form.get("motif"))), basin));
        return "redirect:/bassins/" + basin + "/ressources";
    }

    /** The double-entry journal, the most recent entries first, with its FEC and CSV exports. */
    @GetMapping("/bassins/{basin}/journal")
    String journal(@PathVariable String basin, @RequestParam(defaultValue = "0") int page,
            @RequestParam(name = "au", required = false) String on, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        LocalDate today = LocalDate.now(BasinCalendar.ZONE);
        LocalDate asOf = positionDate(on, today, model);
        model.addAttribute("asOf", asOf);
        model.addAttribute("today", today);
        JsonNode entries = api.get("/api/basins/{b}/journal?page={p}&size=25&newestFirst=true", basin, Math.max(0, page));
        model.addAttribute("entries", json.list(entries.path("items")));
        Paging.fromApi(model, entries);
        model.addAttribute("reconciliation", json.map(api.get("/api/basins/{b}/journal/reconciliation?asOf={d}", basin, asOf)));
        return "basin/journal";
    }

    @GetMapping("/bassins/{basin}/journal/export")
    org.springframework.http.ResponseEntity<byte[]> journalExport(@PathVariable String basin,
            @RequestParam(name = "format", defaultValue = "csv") String format, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        boolean fec = "fec".equals(format);
        return Downloads.file(api.download("/api/basins/{b}/journal/" + (fec ? "fec" : "csv"),
                fec ? "text/tab-separated-values" : "text/csv", basin), "journal-" + basin + (fec ? "-FEC.txt" : ".csv"));
    }

    @GetMapping("/bassins/{basin}/avances/{advanceId}")
    String advance(@PathVariable String basin, @PathVariable String advanceId,
            @RequestParam(name = "au", required = false) String on, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        LocalDate today = LocalDate.now(BasinCalendar.ZONE);
        LocalDate asOf = positionDate(on, today, model);
        model.addAttribute("asOf", asOf);
        model.addAttribute("today", today);
        Map<String, Object> advance = json.map(api.get("/api/basins/{b}/advances/{id}?asOf={d}", basin, advanceId, asOf));
        model.addAttribute("advance", advance);
        return "basin/advance";
    }

    @PostMapping("/bassins/{basin}/avances/{advanceId}/remboursements")
    String repay(@PathVariable String basin, @PathVariable String advanceId, @RequestParam(name = "montant") String amount,
            @RequestParam(name = "date", required = false) String on, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Remboursement de " + amount.strip() + " € enregistré.", () -> api.post(
                "/api/basins/{b}/advances/{id}/repayments", Api.body("amount", Money.parse(amount, "montant"), "on", Pages.blank(on)),
                basin, advanceId));
        return "redirect:/bassins/" + basin + "/avances/" + advanceId;
    }

    /**
     * Money that moves on an advance by its amount and value date: a tranche paid to the SME, after the convention's
     * signature and within the grant; money recovered on an advance written off, which lowers the
     * net loss rate.
     */
    @PostMapping("/bassins/{basin}/avances/{advanceId}/{kind:versements|recuperations}")
    String disburseOrRecover(@PathVariable String basin, @PathVariable String advanceId, @PathVariable String kind,
            @RequestParam(name = "montant") String amount, @RequestParam(name = "date", required = false) String on,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        boolean disbursement = "versements".equals(kind);
        Pages.attempt(flash, (disbursement ? "Versement de " : "Récupération de ") + amount.strip() + " € enregistré"
                + (disbursement ? "." : "e."), () -> api.post("/api/basins/{b}/advances/{id}/"
                + (disbursement ? "disbursements" : "recoveries"), Api.body("amount", Money.parse(amount, "montant"),
                "on", Pages.blank(on)), basin, advanceId));
        return "redirect:/bassins/" + basin + "/avances/" + advanceId;
    }

    @PostMapping("/bassins/{basin}/avances/{advanceId}/pertes")
    String writeOff(@PathVariable String basin, @PathVariable String advanceId, @RequestParam(name = "montant") String amount,
            @RequestParam(name = "motif") String reason, @RequestParam(name = "decision") String committeeReference,
            @RequestParam(name = "date", required = false) String on, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Perte de " + amount.strip() + " € constatée.", () -> api.post(
                "/api/basins/{b}/advances/{id}/write-offs", Api.body("amount", Money.parse(amount, "montant"), "reason", reason,
                        "committeeReference", committeeReference, "on", Pages.blank(on)), basin, advanceId));
        return "redirect:/bassins/" + basin + "/avances/" + advanceId;
    }

    /** What a recorded movement is in the finance API, by the console's word for it. */
    private static final Map<String, String> REVERSIBLE = Map.of("contributions", "contributions", "depenses",
            "operating-expenses", "virements", "transfers");

    /**
     * Undoes a contribution, an expense or a transfer recorded by mistake: a new, opposite movement of the day
     * chosen; nothing is erased, and the account never goes below zero.
     */
    @PostMapping("/bassins/{basin}/ressources/{kind}/{movementId}/contre-passation")
    String reverse(@PathVariable String basin, @PathVariable String kind, @PathVariable String movementId,
            @RequestParam(name = "motif") String reason, @RequestParam(name = "date", required = false) String on,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        String resource = REVERSIBLE.get(kind);
        if (resource == null) {
            flash.addFlashAttribute("failure", "Ce mouvement ne se contre-passe pas ici.");
            return "redirect:/bassins/" + basin + "/ressources";
        }
        Pages.attempt(flash, "Mouvement contre-passé : il reste au journal, annulé par un mouvement inverse.", () -> api.post(
                "/api/basins/{b}/" + resource + "/{id}/reverse", Api.body("reason", reason, "on", Pages.blank(on)), basin,
                movementId));
        return "redirect:/bassins/" + basin + "/ressources";
    }

    /** A repayment that bounced (a cheque returned unpaid): reversed, the instalments it settled are due again. */
    @PostMapping("/bassins/{basin}/avances/{advanceId}/remboursements/{repaymentId}/contre-passation")
    String reverseRepayment(@PathVariable String basin, @PathVariable String advanceId, @PathVariable String repaymentId,
            @RequestParam(name = "motif") String reason, @RequestParam(name = "date", required = false) String on,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Pages.attempt(flash, "Remboursement contre-passé : les échéances qu'il réglait sont de nouveau dues.", () -> api.post(
                "/api/basins/{b}/advances/{id}/repayments/{r}/reverse", Api.body("reason", reason, "on", Pages.blank(on)),
                basin, advanceId, repaymentId));
        return "redirect:/bassins/" + basin + "/avances/" + advanceId;
    }

    /** A new schedule for what remains to repay, on the committee's approval; the former one stays on record. */
    @PostMapping("/bassins/{basin}/avances/{advanceId}/reechelonnement")
    String reschedule(@PathVariable String basin, @PathVariable String advanceId, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.inBasin(viewers, request, model, basin);
        Integer months = Pages.wholeNumber(form.get("duree"));
        Integer grace = Pages.wholeNumber(form.get("differe"));
        if (months == null || (form.get("differe") != null && !form.get("differe").isBlank() && grace == null)) {
            flash.addFlashAttribute("failure", "Durée ou différé illisible : un nombre entier de mois.");
            return "redirect:/bassins/" + basin + "/avances/" + advanceId;
        }
        Pages.attempt(flash, "Échéancier refait sur " + months + " mois.", () -> api.post("/api/basins/{b}/advances/{id}/reschedule",
                Api.body("approvalReference", form.get("approbation"), "effectiveOn", Pages.blank(form.get("date")),
                        "durationMonths", months, "graceMonths", grace, "frequency", Pages.blank(form.get("periodicite"))),
                basin, advanceId));
        return "redirect:/bassins/" + basin + "/avances/" + advanceId;
    }

}
