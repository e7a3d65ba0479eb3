package org.alize.console.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.alize.kernel.BasinCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
        Pages.inBasin(viewers, request, model, basin);
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
        model.addAttribute("operatorBody", json.map(api.get("/api/basins/{b}/operator", basin)));
        return "basin/partnership";
    }

    @GetMapping("/bassins/{basin}/partenaires")
    String partners(@PathVariable String basin, @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "personnes", defaultValue = "0") int peoplePage, HttpServletRequest request, Model model) {
        Pages.inBasin(viewers, request, model, basin);
        JsonNode organisations = api.get("/api/basins/{b}/organisations?size={s}&page={p}" + (Pages.blank(text) == null ? "" : "&q={q}"),
                basin, PAGE_SIZE, Math.max(0, page), text == null ? "" : text);
        model.addAttribute("organisations", json.list(organisations.path("items")));
        Paging.fromApi(model, organisations);
        model.addAttribute("q", text == null ? "" : text);
        JsonNode people = api.get("/api/basins/{b}/people?size={s}&page={p}", basin, PAGE_SIZE, Math.max(0, peoplePage));
        model.addAttribute("people", json.list(people.path("items")));
        Paging.pager(model, "peoplePager", "personnes", people.path("page").asInt(), people.path("totalPages").asInt(),
                "Pagination des personnes");
        return "basin/partners";
    }


}
