package org.alize.console.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a login lands: the network for ASTREES, the basin for someone of one basin, a choice otherwise. */
@Controller
class HomeController {

    private final Viewers viewers;

    HomeController(Viewers viewers) {
        this.viewers = viewers;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        Viewer viewer = Pages.viewer(viewers, request, model);
        if (viewer.isNetwork() && viewer.basins().isEmpty()) {
            return "redirect:/reseau";
        }
        if (!viewer.isNetwork() && viewer.basins().size() == 1) {
            return "redirect:/bassins/" + viewer.basinIds().get(0);
        }
        return "choose";
    }
}
