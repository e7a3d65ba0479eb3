package org.alize.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement (RGAA 4.1, as French public-interest services publish it), readable without logging in. */
@Controller
class AccessibilityPage {

    @GetMapping("/accessibilite")
    String statement() {
        return "accessibility";
    }
}
