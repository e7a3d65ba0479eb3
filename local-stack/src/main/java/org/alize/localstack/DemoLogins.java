package org.alize.localstack;

import java.util.List;
import java.util.Map;

/** The demo logins of DEMO.md: accounts in identity-service, their grants, and the people they are in the demo basins. */
final class DemoLogins {

    static final String PASSWORD = "alize-demo";
    /** The demo basins, where the seeders' client acts as operator. */
    static final List<String> BASINS = List.of("valenciennois", "flandre-dunkerque", "terres-de-lorraine");

    record Login(String login, String displayName, String email, String who, List<String> networkRoles,
            Map<String, List<String>> basins) {
    }

    static final List<Login> ALL = List.of(
            new Login("astrees", "Claire Martin", "claire.martin@astrees.example",
                    "Claire Martin, ASTREES (NETWORK_ADMIN)", List.of("NETWORK_ADMIN"), Map.of()),
            new Login("operateur.valenciennois", "Karim Benali", "karim.benali@vmd.example",
                    "Karim Benali, opérateur local (valenciennois)", List.of(), Map.of("valenciennois", List.of("OPERATOR"))),
            new Login("president.valenciennois", "Isabelle Roche", "isabelle.roche@hainaut-rail.example",
                    "Isabelle Roche, présidente du comité d'agrément", List.of(),
                    Map.of("valenciennois", List.of("COMMITTEE_MEMBER"))),
            new Login("mandataire.valenciennois", "Thomas Lefèvre", "thomas.lefevre@verrerie-escaut.example",
                    "Thomas Lefèvre, mandataire", List.of(), Map.of("valenciennois", List.of("COMMITTEE_MEMBER"))),
            new Login("operateur.dunkerque", "Sophie Vasseur", "sophie.vasseur@dunkerque-promotion.example",
                    "Sophie Vasseur, opératrice locale (flandre-dunkerque)", List.of(),
                    Map.of("flandre-dunkerque", List.of("OPERATOR"))));

    private DemoLogins() {
    }
}
