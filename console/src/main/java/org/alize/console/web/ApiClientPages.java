package org.alize.console.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.alize.console.api.Api;
import org.alize.console.api.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The basin's API clients, for its operator: the credentials of the basin's own systems. A new secret is shown on the
 * page that answers its creation or renewal, once: it is kept nowhere (not in the session, not in a flash message),
 * and that page is not cached.
 */
@Controller
class ApiClientPages {

    static final Map<String, String> ACCESS = Map.of("READ", "lecture", "WRITE", "lecture et écriture");
    static final Map<String, String> STATUS = Map.of("ACTIVE", "actif", "EXPIRED", "expiré", "REVOKED", "révoqué");

    private final Api api;
    private final Json json;
    private final Viewers viewers;

    ApiClientPages(Api api, Json json, Viewers viewers) {
        this.api = api;
        this.json = json;
        this.viewers = viewers;
    }

    @GetMapping("/bassins/{basin}/clients-api")
    String list(@PathVariable String basin, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        operator(request, model, basin);
        return page(basin, page, model);
    }

    @PostMapping("/bassins/{basin}/clients-api")
    String create(@PathVariable String basin, @RequestParam Map<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        operator(request, model, basin);
        return withSecret(basin, "Client d'API créé.", response, model, flash, () -> api.post("/api/basins/{b}/api-clients",
                Api.body("name", form.get("nom"), "access", Pages.blank(form.get("acces")),
                        "validDays", Pages.wholeNumber(form.get("jours"))), basin));
    }

    @PostMapping("/bassins/{basin}/clients-api/{clientId}/secret")
    String renew(@PathVariable String basin, @PathVariable String clientId, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        operator(request, model, basin);
        return withSecret(basin, "Nouveau secret donné : l'ancien ne fonctionne plus.", response, model, flash,
                () -> api.post("/api/basins/{b}/api-clients/{c}/secret",
                        Api.body("validDays", Pages.wholeNumber(form.get("jours"))), basin, clientId));
    }

    @PostMapping("/bassins/{basin}/clients-api/{clientId}/revocation")
    String revoke(@PathVariable String basin, @PathVariable String clientId, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        operator(request, model, basin);
        Pages.attempt(flash, "Client d'API révoqué : il n'obtient plus de jeton.",
                () -> api.delete("/api/basins/{b}/api-clients/{c}", basin, clientId));
        return "redirect:/bassins/" + basin + "/clients-api";
    }

    /** The page with the secret the call answered, this once; a refusal goes back to the list with its reasons. */
    private String withSecret(String basin, String message, HttpServletResponse response, Model model,
            RedirectAttributes flash, java.util.function.Supplier<JsonNode> call) {
        JsonNode client;
        try {
            client = call.get();
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            Pages.refused(flash, e);
            return "redirect:/bassins/" + basin + "/clients-api";
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("shown", json.map(client));
        model.addAttribute("success", message);
        return page(basin, 0, model);
    }

    private String page(String basin, int page, Model model) {
        JsonNode clients = api.get("/api/basins/{b}/api-clients?page={p}&size=20", basin, Math.max(0, page));
        model.addAttribute("clients", json.list(clients.path("items")));
        Paging.fromApi(model, clients);
        model.addAttribute("access", ACCESS);
        model.addAttribute("statuses", STATUS);
        return "basin/api-clients";
    }

    private void operator(HttpServletRequest request, Model model, String basin) {
        Viewer viewer = Pages.inBasin(viewers, request, model, basin);
        if (!viewer.isOperator(basin)) {
            throw new ApiException(403, "Accès refusé", "Les clients d'API du bassin sont gérés par son opérateur local.",
                    List.of());
        }
    }
}
