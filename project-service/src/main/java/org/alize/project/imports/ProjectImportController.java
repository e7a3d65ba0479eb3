package org.alize.project.imports;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.alize.documents.imports.ImportEndpoints;
import org.alize.documents.imports.Imports;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The basin's past projects taken up from its spreadsheets, for its operator: template, upload and preview, commit. */
@RestController
@RequestMapping(ProjectImportController.PATH)
@RequiresBasinRole(BasinRole.OPERATOR)
@Tag(name = "Imports de projets", description = "Les projets décidés avant la plateforme, repris des tableurs du bassin "
        + "avec leurs vraies dates : dépôt, décision du comité (d'après son procès-verbal), signature de la convention, "
        + "fin du suivi et bilan des emplois. Un modèle CSV ou XLSX, un aperçu ligne par ligne (à créer, déjà repris, "
        + "refusée avec la raison et la règle), puis l'import, qui ne change rien s'il est relancé.")
class ProjectImportController extends ImportEndpoints {

    static final String PATH = "/api/basins/{basinId}/project-imports";

    ProjectImportController(Imports<PastProjectPlanner.Context> imports) {
        super(imports, PATH.replace("{basinId}", "%s"));
    }
}
