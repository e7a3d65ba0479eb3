package org.alize.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.alize.console.api.ApiException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** A refusal the page cannot work around gets a French page with the service's explanation. */
@ControllerAdvice
class Errors {

    private final Viewers viewers;

    Errors(Viewers viewers) {
        this.viewers = viewers;
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, Model model, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("basin", null); // not the basin of the address: the menu is the viewer's own
        try {
            model.addAttribute("viewer", viewers.current(request));
        } catch (RuntimeException unknown) {
            // the error page goes without the header's name and menu
        }
        response.setStatus(e.status() == 401 ? 403 : e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("title", switch (e.status()) {
            case 404 -> "Page introuvable";
            case 403, 401 -> "Accès refusé";
            case 503 -> "Service momentanément indisponible";
            default -> e.title();
        });
        model.addAttribute("detail", e.detail());
        return "error";
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String missing(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("title", "Page introuvable");
        model.addAttribute("detail", "Cette adresse ne correspond à aucune page de la console.");
        return "error";
    }
}
