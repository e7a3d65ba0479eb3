package org.alize.localstack;

import java.net.URI;

/**
 * The network of DEMO.md in basin-service: three basins in three states. Registered and validated by
 * ASTREES through the public API; the later parts of the story (partners, convention, operator,
 * activation) are added as basin-service grows.
 */
final class BasinSeeder implements Seeder {

    @Override
    public String name() {
        return "basin-registry";
    }

    @Override
    public void seed(SeedContext context) throws Exception {
        URI basins = context.service("basin").resolve("/api/network/basins");
        String astrees = context.issuer().token("astrees").networkRoles("NETWORK_ADMIN").sign();

        context.send("POST", basins, astrees, """
                {"basinId":"valenciennois","name":"Bassin du Valenciennois","region":"Hauts-de-France",
                 "communes":[{"inseeCode":"59606","name":"Valenciennes"},{"inseeCode":"59172","name":"Condé-sur-l'Escaut"},
                             {"inseeCode":"59009","name":"Anzin"},{"inseeCode":"59153","name":"Denain"},
                             {"inseeCode":"59569","name":"Saint-Amand-les-Eaux"},{"inseeCode":"59383","name":"Marly"}],
                 "priorityCriteria":["FORESEEABLE_INDUSTRIAL_CHANGE","WEAK_ENDOGENOUS_DEVELOPMENT"],
                 "description":"Bassin industriel (ferroviaire, automobile, verre, acier) en mutation ; deuxième convention."}
                """);
        context.send("POST", basins.resolve("/api/network/basins/valenciennois/validate"), astrees,
                "{\"decidedOn\":\"2018-11-22\",\"decisionReference\":\"CNP-2018-11-04\"}");

        context.send("POST", basins, astrees, """
                {"basinId":"flandre-dunkerque","name":"Flandre – Dunkerque","region":"Hauts-de-France",
                 "communes":[{"inseeCode":"59183","name":"Dunkerque"},{"inseeCode":"59273","name":"Grande-Synthe"},
                             {"inseeCode":"59155","name":"Coudekerque-Branche"},{"inseeCode":"59260","name":"Gravelines"}],
                 "priorityCriteria":["FORESEEABLE_INDUSTRIAL_CHANGE"],
                 "description":"Zone industrialo-portuaire ; convention en négociation avec trois entreprises partenaires."}
                """);
        context.send("POST", basins.resolve("/api/network/basins/flandre-dunkerque/validate"), astrees,
                "{\"decidedOn\":\"2025-06-12\",\"decisionReference\":\"CNP-2025-06-02\"}");

        context.send("POST", basins, astrees, """
                {"basinId":"terres-de-lorraine","name":"Terres de Lorraine","region":"Grand Est",
                 "communes":[{"inseeCode":"54528","name":"Toul"},{"inseeCode":"54431","name":"Neuves-Maisons"},
                             {"inseeCode":"54159","name":"Colombey-les-Belles"}],
                 "priorityCriteria":["WEAK_ENDOGENOUS_DEVELOPMENT","HEAVY_STRUCTURAL_HANDICAPS"],
                 "description":"Territoire rural et périurbain ; dossier présenté au comité national de pilotage."}
                """);
    }
}
