package org.alize.basin.imports;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.alize.documents.imports.ImportEndpoints;
import org.alize.documents.imports.Imports;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The basin's imports from spreadsheets, for its operator: templates, upload and preview, commit. */
@RestController
@RequestMapping(ImportController.PATH)
@RequiresBasinRole(BasinRole.OPERATOR)
@Tag(name = "Imports", description = "Les partenaires (avec leurs engagements dans la convention en négociation) et les "
        + "personnes du bassin repris des tableurs : un modèle CSV ou XLSX, un aperçu ligne par ligne (à créer, à modifier, "
        + "déjà à jour, refusée avec la raison et la règle), puis l'import, qui ne change rien s'il est relancé.")
class ImportController extends ImportEndpoints {

    static final String PATH = "/api/basins/{basinId}/imports";

    ImportController(Imports<RowPlanner.Context> imports) {
        super(imports, PATH.replace("{basinId}", "%s"));
    }
}
