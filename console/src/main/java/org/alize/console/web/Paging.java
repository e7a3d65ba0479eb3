package org.alize.console.web;

import java.util.List;

import org.springframework.ui.Model;

/**
 * Pages of lists: a page of a list the API gives whole ({@code <name>}, {@code page}, {@code totalPages},
 * {@code totalItems}), and the pager under a list, whose links keep the page's other parameters.
 */
final class Paging {

    /** What the pager fragment shows: links to the previous and next pages (null at the ends). */
    public record Pager(String label, int current, int total, String previous, String next) {
    }

    private Paging() {
    }

    /** Puts {@code pager} (or {@code <name>} for a second list on the page) in the model, for {@code parameter}. */
    static void pager(Model model, String name, String parameter, int current, int total, String label) {
        model.addAttribute(name, new Pager(label, current, total, current > 0 ? Links.current(parameter, current - 1) : null,
                current + 1 < total ? Links.current(parameter, current + 1) : null));
    }

    /** A page the API answered ({@code page}, {@code totalPages}, {@code totalItems}): the same model, and its pager. */
    static void fromApi(Model model, tools.jackson.databind.JsonNode paged) {
        int current = paged.path("page").asInt();
        int totalPages = paged.path("totalPages").asInt();
        model.addAttribute("page", current);
        model.addAttribute("totalPages", totalPages);
        model.addAttribute("totalItems", paged.path("totalItems").asInt());
        pager(model, "pager", "page", current, totalPages, "Pagination");
    }

    static void slice(Model model, String name, List<?> all, int page, int size) {
        int totalPages = Math.max(1, (all.size() + size - 1) / size);
        int current = Math.min(Math.max(0, page), totalPages - 1);
        model.addAttribute(name, all.subList(current * size, Math.min(all.size(), (current + 1) * size)));
        model.addAttribute("page", current);
        model.addAttribute("totalPages", totalPages);
        model.addAttribute("totalItems", all.size());
        pager(model, "pager", "page", current, totalPages, "Pagination");
    }
}
