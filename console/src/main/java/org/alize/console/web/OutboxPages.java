package org.alize.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The events each service could not publish and parked (too large for the broker, unserialisable), for ASTREES'
 * administrators: what they are, and the two ways out — put back in the relay once the cause is mended, or
 * dropped with a reason that stays. A service that does not answer is said on its own section; the others show.
 */
@Controller
class OutboxPages {

    /** The services with an outbox, and their names in French. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("basin-service", "Bassins et partenariats");
        SERVICES.put("project-service", "Projets et comités");
        SERVICES.put("finance-service", "Finances");
        SERVICES.put("reporting-service", "Indicateurs");
        SERVICES.put("identity-service", "Comptes");
    }

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    OutboxPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/reseau/evenements-bloques")
    String parked(HttpServletRequest request, Model model) {
        admin(request, model);
        List<Map<String, Object>> sections = new ArrayList<>();
        SERVICES.forEach((service, name) -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("service", service);
            section.put("name", name);
            try {
                var page = api.get("/api/network/outbox/{s}/parked?status=PARKED&size=50&page=0", service);
                section.put("events", json.list(page.path("items")));
                section.put("total", page.path("totalItems").asLong());
            } catch (ApiException e) {
                if (e.isClientError()) {
                    throw e;
                }
                section.put("unavailable", e.detail());
            }
            sections.add(section);
        });
        model.addAttribute("sections", sections);
        return "network/parked";
    }

    @PostMapping("/reseau/evenements-bloques/{service}/{eventId}/{action}")
    String resolve(@PathVariable String service, @PathVariable String eventId, @PathVariable String action,
            @RequestParam Map<String, String> form, HttpServletRequest request, Model model, RedirectAttributes flash) {
        admin(request, model);
        if (!SERVICES.containsKey(service) || !Set.of("reprendre", "abandonner").contains(action)) {
            throw new ApiException(404, "Page introuvable", "Cette action n'existe pas.", List.of());
        }
        if (action.equals("reprendre")) {
            Pages.attempt(flash, "L'événement " + eventId + " est remis dans le flux de publication.",
                    () -> api.post("/api/network/outbox/{s}/parked/{e}/retry", Map.of(), service, eventId));
        } else {
            Pages.attempt(flash, "L'événement " + eventId + " est abandonné ; le motif est conservé.",
                    () -> api.post("/api/network/outbox/{s}/parked/{e}/discard", Api.body("reason", form.get("motif")),
                            service, eventId));
        }
        return "redirect:/reseau/evenements-bloques";
    }

    private void admin(HttpServletRequest request, Model model) {
        if (!Pages.viewer(viewers, request, model).isNetworkAdmin()) {
            throw new ApiException(403, "Accès refusé", "Les événements bloqués ne sont visibles que des administrateurs d'ASTREES.",
                    List.of());
        }
    }
}
