package org.alize.kernel.problem;

import java.util.Map;

/** 422: a rule of DOMAIN.md refuses the request; {@code rule} names it (such as {@code R-05}). */
public class RuleViolation extends ApiProblem {

    private final String rule;

    public RuleViolation(String rule, String detail) {
        super(Kind.REFUSED, "rule." + rule, "Règle " + rule + " non respectée", detail, Map.of("rule", rule));
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
