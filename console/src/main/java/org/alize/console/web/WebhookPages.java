package org.alize.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The basin's webhooks, for its operator: the addresses its partners' systems receive the basin's events at. A
 * webhook's signing secret is shown on the page that answers its creation or replacement, once, never stored here; each
 * webhook's page shows its delivery log, attempt by attempt, with what can be done about it.
 */
@Controller
class WebhookPages {

    static final Map<String, String> STATUS = Map.of("ACTIVE", "actif", "DISABLED", "désactivé");
    static final Map<String, String> DELIVERY = Map.of("PENDING", "à livrer", "DELIVERED", "livré", "FAILED", "échec",
            "CANCELLED", "annulé");

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    WebhookPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/webhooks")
    String list(@PathVariable String basin, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        operator(request, model, basin);
        return page(basin, page, model);
    }

    @PostMapping("/bassins/{basin}/webhooks")
    String create(@PathVariable String basin, @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        operator(request, model, basin);
        List<String> types = form.get("types") == null ? List.of() : new ArrayList<>(form.get("types"));
        return withSecret(basin, null, "Webhook créé : les événements choisis y seront envoyés à partir de maintenant.",
                response, model, flash, () -> api.post("/api/basins/{b}/webhooks", Api.body("url",
                        Pages.blank(form.getFirst("adresse")), "description", Pages.blank(form.getFirst("description")),
                        "eventTypes", types), basin));
    }

    @GetMapping("/bassins/{basin}/webhooks/{webhook}")
    String webhook(@PathVariable String basin, @PathVariable String webhook, @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        operator(request, model, basin);
        return detail(basin, webhook, page, model);
    }

    /** The address, the description or the event types changed; the secret and the log stay. */
    @PostMapping("/bassins/{basin}/webhooks/{webhook}/modification")
    String change(@PathVariable String basin, @PathVariable String webhook, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        operator(request, model, basin);
        List<String> types = form.get("types") == null ? List.of() : new ArrayList<>(form.get("types"));
        Pages.attempt(flash, "Webhook modifié.", () -> api.put("/api/basins/{b}/webhooks/{w}", Api.body("url",
                Pages.blank(form.getFirst("adresse")), "description", Pages.blank(form.getFirst("description")),
                "eventTypes", types), basin, webhook));
        return "redirect:/bassins/" + basin + "/webhooks/" + webhook;
    }

    @PostMapping("/bassins/{basin}/webhooks/{webhook}/secret")
    String rotate(@PathVariable String basin, @PathVariable String webhook, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        operator(request, model, basin);
        return withSecret(basin, webhook, "Nouveau secret : l'ancien signe encore 24 heures à côté de lui.", response, model,
                flash, () -> api.post("/api/basins/{b}/webhooks/{w}/secret", Map.of(), basin, webhook));
    }

    /**
     * The page with the secret the call answered, this once (not cached, kept nowhere); a refusal goes back with its
     * reasons to the list, or to the webhook's page.
     */
    private String withSecret(String basin, String webhook, String message, HttpServletResponse response, Model model,
            RedirectAttributes flash, java.util.function.Supplier<JsonNode> call) {
        JsonNode answered;
        try {
            answered = call.get();
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            Pages.refused(flash, e);
            return "redirect:/bassins/" + basin + "/webhooks" + (webhook == null ? "" : "/" + webhook);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("shown", json.map(answered));
        model.addAttribute("success", message);
        return webhook == null ? page(basin, 0, model) : detail(basin, webhook, 0, model);
    }

    @PostMapping("/bassins/{basin}/webhooks/{webhook}/{action:disable|enable|ping}")
    String act(@PathVariable String basin, @PathVariable String webhook, @PathVariable String action,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        operator(request, model, basin);
        String message = switch (action) {
            case "disable" -> "Webhook désactivé : ses livraisons en attente sont annulées.";
            case "enable" -> "Webhook réactivé.";
            default -> "Événement d'essai envoyé : voyez sa livraison ci-dessous.";
        };
        Pages.attempt(flash, message, () -> api.post("/api/basins/{b}/webhooks/{w}/" + action, Map.of(), basin, webhook));
        return "redirect:/bassins/" + basin + "/webhooks/" + webhook;
    }

    @PostMapping("/bassins/{basin}/webhooks/{webhook}/suppression")
    String delete(@PathVariable String basin, @PathVariable String webhook, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        operator(request, model, basin);
        boolean deleted = Pages.attempt(flash, "Webhook supprimé, avec son journal.",
                () -> api.delete("/api/basins/{b}/webhooks/{w}", basin, webhook));
        return "redirect:/bassins/" + basin + "/webhooks" + (deleted ? "" : "/" + webhook);
    }

    @PostMapping("/bassins/{basin}/webhooks/{webhook}/livraisons/{delivery}")
    String redeliver(@PathVariable String basin, @PathVariable String webhook, @PathVariable String delivery,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        operator(request, model, basin);
        Pages.attempt(flash, "Livraison relancée.", () -> api.post("/api/basins/{b}/webhooks/{w}/deliveries/{d}/redeliver",
                Map.of(), basin, webhook, delivery));
        return "redirect:/bassins/" + basin + "/webhooks/" + webhook;
    }

    private String page(String basin, int page, Model model) {
        JsonNode webhooks = api.get("/api/basins/{b}/webhooks?page={p}&size=20", basin, Math.max(0, page));
        model.addAttribute("webhooks", json.list(webhooks.path("items")));
        Paging.fromApi(model, webhooks);
        model.addAttribute("eventTypes", json.list(api.get("/api/basins/{b}/webhooks/event-types", basin).path("eventTypes")));
        model.addAttribute("statuses", STATUS);
        return "basin/webhooks";
    }

    private String detail(String basin, String webhook, int page, Model model) {
        model.addAttribute("webhook", json.map(api.get("/api/basins/{b}/webhooks/{w}", basin, webhook)));
        JsonNode deliveries = api.get("/api/basins/{b}/webhooks/{w}/deliveries?page={p}&size=20", basin, webhook,
                Math.max(0, page));
        model.addAttribute("deliveries", json.list(deliveries.path("items")));
        Paging.fromApi(model, deliveries);
        model.addAttribute("statuses", STATUS);
        model.addAttribute("deliveryStatuses", DELIVERY);
        model.addAttribute("eventTypes", json.list(api.get("/api/basins/{b}/webhooks/event-types", basin).path("eventTypes")));
        return "basin/webhook";
    }

    private void operator(HttpServletRequest request, Model model, String basin) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        if (!viewer.isOperator(basin)) {
            throw new ApiException(403, "Accès refusé", "Les webhooks du bassin sont gérés par son opérateur local.", List.of());
        }
    }
}
