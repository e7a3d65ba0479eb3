package org.alize.basin.registry;

import java.util.ArrayList;
import java.util.List;

import org.alize.basin.convention.ConventionService;
import org.alize.basin.operator.LocalOperator;
import org.alize.basin.operator.LocalOperatorRepository;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.springframework.stereotype.Component;

/** What a basin still lacks to operate: an appointed local operator and a partnership convention in force. */
@Component
class ActivationCheck {

    private final LocalOperatorRepository operators;
    private final ConventionService conventions;

    ActivationCheck(LocalOperatorRepository operators, ConventionService conventions) {
        this.operators = operators;
        this.conventions = conventions;
    }

    List<String> missing(BasinId basin) {
        return BasinContext.callIn(basin, () -> {
            List<String> missing = new ArrayList<>();
            if (operators.findById(LocalOperator.ID).filter(LocalOperator::isAppointed).isEmpty()) {
                missing.add("aucun opérateur local n'est désigné (R-03)");
            }
            if (conventions.inForce().isEmpty()) {
                missing.add("aucune convention de partenariat n'est en vigueur (R-05, R-10)");
            }
            return missing;
        });
    }
}
