package org.alize.console.web;

import java.util.List;

import org.springframework.ui.Model;

/** A page of a list the API gives whole: {@code <name>}, {@code page}, {@code totalPages}, {@code totalItems}. */
final class Paging {

    private Paging() {
    }

    static void slice(Model model, String name, List<?> all, int page, int size) {
        int totalPages = Math.max(1, (all.size() + size - 1) / size);
        int current = Math.min(Math.max(0, page), totalPages - 1);
        model.addAttribute(name, all.subList(current * size, Math.min(all.size(), (current + 1) * size)));
        model.addAttribute("page", current);
        model.addAttribute("totalPages", totalPages);
        model.addAttribute("totalItems", all.size());
    }
}
