package org.alize.localstack;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.alize.testing.TestIssuer;

/** The demo logins of DEMO.md and their grants. */
final class DemoLogins {

    record Login(String login, String who, UnaryOperator<TestIssuer.Token> grants) {
        String token(TestIssuer issuer) {
            return grants.apply(issuer.token(login)).lifetime(Duration.ofHours(12)).sign();
        }
    }

    static final List<Login> ALL = List.of(
            new Login("astrees", "Claire Martin, ASTREES (NETWORK_ADMIN)", t -> t.networkRoles("NETWORK_ADMIN")),
            new Login("operateur.valenciennois", "Karim Benali, opérateur local (valenciennois)",
                    t -> t.basin("valenciennois", "OPERATOR")),
            new Login("president.valenciennois", "Isabelle Roche, présidente du comité d'agrément",
                    t -> t.basin("valenciennois", "COMMITTEE_MEMBER")),
            new Login("mandataire.valenciennois", "Thomas Lefèvre, mandataire",
                    t -> t.basin("valenciennois", "COMMITTEE_MEMBER")),
            new Login("operateur.dunkerque", "Sophie Vasseur, opératrice locale (flandre-dunkerque)",
                    t -> t.basin("flandre-dunkerque", "OPERATOR")));

    private DemoLogins() {
    }
}
