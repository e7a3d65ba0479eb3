package org.alize.project.project;

import java.math.BigDecimal;
import java.util.List;

/** What the SME asks for: skills domains and money. */
public record Needs(List<String> skillsDomains, BigDecimal amountRequested, String description) {

    public Needs {
        skillsDomains = skillsDomains == null ? List.of() : List.copyOf(skillsDomains);
    }
}
