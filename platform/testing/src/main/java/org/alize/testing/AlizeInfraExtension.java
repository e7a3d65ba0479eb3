package org.alize.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips, with its reason, a test class that asks for containers where Docker is not available,
 * before any Spring context tries to start on infrastructure that is not there.
 */
public class AlizeInfraExtension implements BeforeAllCallback {

    static final String NO_DOCKER = "alize.test.infra=containers demande Docker, indisponible sur cette machine : "
            + "tests sur conteneurs ignorés (l'infrastructure embarquée reste testée par défaut)";

    @Override
    public void beforeAll(ExtensionContext context) {
        InfraMode requested = InfraMode.requested();
        Assumptions.assumeFalse(requested == InfraMode.CONTAINERS && !Docker.isAvailable(), NO_DOCKER);
        TestInfrastructure.shared();
    }
}
