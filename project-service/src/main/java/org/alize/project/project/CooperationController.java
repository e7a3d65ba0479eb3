package org.alize.project.project;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.problem.NotFound;
import org.alize.project.cooperation.CooperationConvention;
import org.alize.project.cooperation.Instalment;
import org.alize.project.cooperation.RequiredSignature;
import org.alize.project.cooperation.Signature;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/projects/{projectId}")
@Tag(name = "Conventions de coopération", description = "Signataires déduits de la décision, signatures une à une, PDF (R-24)")
class CooperationController {

    private final ProjectService projects;

    CooperationController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/convention")
    @Operation(summary = "La convention du projet : signataires requis, signatures, signatures manquantes, calendrier de l'avance")
    ConventionView convention(@PathVariable String projectId) {
        Project project = projects.get(projectId);
        return ConventionView.of(existing(project));
    }

    @PostMapping("/signatures")
    @Operation(summary = "Enregistrer une signature ; la dernière fait démarrer l'accompagnement (R-24)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ProjectView sign(@PathVariable String projectId, @Valid @RequestBody SignatureInput input) {
        return ProjectView.of(projects.sign(projectId, input.key(), input.signatory(), input.signedOn(),
                CurrentGrants.subject()), projects.today());
    }

    @GetMapping(value = "/convention.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "La convention et son annexe d'avance, en PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String projectId) {
        Project project = projects.get(projectId);
        existing(project);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("convention-" + project.reference() + ".pdf").build().toString())
                .body(ConventionPdf.render(BasinContext.require().value(), project));
    }

    private static CooperationConvention existing(Project project) {
        if (project.convention() == null) {
            throw new NotFound("convention.none", "Le projet " + project.reference() + " n'a pas de convention : il n'est pas agréé.");
        }
        return project.convention();
    }

    record SignatureInput(@Schema(example = "SME_HEAD", description = "la clé d'une signature requise") @NotBlank String key,
            @Schema(example = "Paul Martin") @NotBlank @Size(max = 160) String signatory, @NotNull LocalDate signedOn) {
    }

    record ConventionView(String conventionId, LocalDate preparedOn, List<RequiredSignature> required,
            List<Signature> signatures, List<RequiredSignature> missing, LocalDate signedOn, List<Instalment> schedule) {
        static ConventionView of(CooperationConvention c) {
            return new ConventionView(c.conventionId(), c.preparedOn(), c.required(), c.signatures(), c.missing(), c.signedOn(),
                    c.schedule());
        }
    }
}
