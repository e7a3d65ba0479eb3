package org.alize.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.alize.console.api.ApiException;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every page needs: the viewer in the model, and the basin check before any call. */
final class Pages {

    private Pages() {
    }

    static Viewer viewer(Viewers viewers, HttpServletRequest request, Model model) {
        Viewer viewer = viewers.current(request);
        model.addAttribute("viewer", viewer);
        return viewer;
    }

    /** The basin's pages are for the people it granted roles to: anyone else gets the « page introuvable ». */
    static Viewer inBasin(Viewers viewers, HttpServletRequest request, Model model, String basin) {
        Viewer viewer = viewer(viewers, request, model);
        if (!viewer.canSee(basin)) {
            throw new ApiException(404, "Page introuvable", "Aucun bassin « " + basin + " » n'est accessible avec vos droits.",
                    java.util.List.of());
        }
        model.addAttribute("basin", basin);
        model.addAttribute("operator", viewer.isOperator(basin));
        return viewer;
    }

    /** After an action: its outcome as a message on the next page (Post/Redirect/Get). */
    static void done(RedirectAttributes flash, String message) {
        flash.addFlashAttribute("success", message);
    }

    /**
     * Runs an API write on behalf of a form: its success as a message on the next page, a refusal (4xx) as the
     * service's French explanation with its field errors; a failure of the platform (5xx) goes to the error page.
     */
    static boolean attempt(RedirectAttributes flash, String success, Runnable call) {
        try {
            call.run();
            done(flash, success);
            return true;
        } catch (ApiException e) {
            if (!e.isClientError()) {
                throw e;
            }
            refused(flash, e);
            return false;
        }
    }

    /** A form field left empty is absent from the API request. */
    static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A whole number typed in a form, or {@code null} when left empty or unreadable. */
    static Integer wholeNumber(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static void refused(RedirectAttributes flash, ApiException e) {
        flash.addFlashAttribute("failure", e.detail());
        flash.addFlashAttribute("fieldErrors", e.errors());
    }
}
