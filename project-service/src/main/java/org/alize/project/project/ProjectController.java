package org.alize.project.project;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.project.basin.BasinFacts;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/basins/{basinId}/projects")
@Tag(name = "Projets", description = "Du dépôt à la clôture ; chaque changement d'état est une action explicite (R-20 à R-25)")
class ProjectController {

    private final ProjectService projects;
    private final BasinFacts basin;

    ProjectController(ProjectService projects, BasinFacts basin) {
        this.projects = projects;
        this.basin = basin;
    }

    @PostMapping
    @Operation(summary = "Déposer un projet, présenté par un prescripteur membre du comité (R-20, R-21)")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER})
    ResponseEntity<ProjectView> submit(@Valid @RequestBody SubmissionInput input) {
        Project project = projects.submit(input.submission(), input.prescriberId(), input.submittedOn(), CurrentGrants.subject());
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/projects/" + project.id()))
                .body(view(project));
    }

    @GetMapping
    @Operation(summary = "Lister les projets : par état, séance de décision, mandataire, compte rendu en retard, texte")
    Paged<ProjectView> list(@RequestParam(required = false) Set<ProjectStatus> status,
            @RequestParam(required = false) String sessionId, @RequestParam(required = false) String mandataryId,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return projects.list(status, sessionId, mandataryId, overdue, q, page, size).map(this::view);
    }

    @GetMapping("/{projectId}")
    ProjectView get(@PathVariable String projectId) {
        return view(projects.get(projectId));
    }

    @PutMapping("/{projectId}")
    @Operation(summary = "Corriger le dossier tant que le projet n'est pas passé en comité")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER})
    ProjectView amend(@PathVariable String projectId, @Valid @RequestBody SubmissionInput input) {
        return view(projects.amend(projectId, input.submission(), CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/start-diagnosis")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER})
    ProjectView startDiagnosis(@PathVariable String projectId, @Valid @RequestBody(required = false) DateInput input) {
        return view(projects.startDiagnosis(projectId, DateInput.on(input), CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/diagnosis")
    @Operation(summary = "Enregistrer le diagnostic préalable du prescripteur ou un diagnostic complémentaire (R-22)")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER})
    ProjectView diagnosis(@PathVariable String projectId, @Valid @RequestBody DiagnosisInput input) {
        Project project = projects.get(projectId);
        Diagnosis diagnosis = input.kind() == Diagnosis.Kind.PRELIMINARY
                ? new Diagnosis(Diagnosis.Kind.PRELIMINARY, project.prescriber().name(), project.prescriber().personId(),
                        basin.person(project.prescriber().personId()).flatMap(p -> basin.organisation(p.organisationId()))
                                .map(o -> o.name()).orElse(null), input.writtenOn(), input.summary(), input.strengths(),
                        input.risks(), input.recommendation(), input.scores())
                : new Diagnosis(Diagnosis.Kind.COMPLEMENTARY, input.professional(), null, input.professionalOrganisation(),
                        input.writtenOn(), input.summary(), input.strengths(), input.risks(), input.recommendation(),
                        input.scores());
        return view(projects.recordDiagnosis(projectId, diagnosis, CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/mark-ready")
    @Operation(summary = "Déclarer le projet prêt pour le comité : diagnostic préalable requis (R-22)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ProjectView markReady(@PathVariable String projectId, @Valid @RequestBody(required = false) DateInput input) {
        return view(projects.markReady(projectId, DateInput.on(input), CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/withdraw")
    @Operation(summary = "Enregistrer le retrait du projet par son porteur, à toute étape ouverte")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ProjectView withdraw(@PathVariable String projectId, @Valid @RequestBody ReasonInput input) {
        return view(projects.withdraw(projectId, input.on(), input.reason(), CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/abandon")
    @Operation(summary = "Déclarer l'abandon d'un projet agréé ou suivi")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ProjectView abandon(@PathVariable String projectId, @Valid @RequestBody ReasonInput input) {
        return view(projects.abandon(projectId, input.on(), input.reason(), CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/start-follow-up")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER})
    ProjectView startFollowUp(@PathVariable String projectId, @Valid @RequestBody(required = false) DateInput input) {
        return view(projects.startFollowUp(projectId, DateInput.on(input), CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/mandatary")
    @Operation(summary = "Remplacer le mandataire d'un projet approuvé par un membre du comité d'agrément ; l'ancien reste "
            + "dans l'historique (R-25)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ProjectView replaceMandatary(@PathVariable String projectId, @Valid @RequestBody MandataryInput input) {
        return view(projects.replaceMandatary(projectId, input.mandataryId(), input.on(), input.reason(), CurrentGrants.subject()));
    }

    @PostMapping("/{projectId}/close")
    @Operation(summary = "Clore un projet suivi, au plus tôt 18 mois après la signature de sa convention et sur les comptes "
            + "rendus attendus : un par semestre, le dernier de moins de six mois (R-25)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ProjectView close(@PathVariable String projectId, @Valid @RequestBody OptionalReasonInput input) {
        return view(projects.close(projectId, input.on(), input.reason(), CurrentGrants.subject()));
    }

    @GetMapping("/{projectId}/history")
    List<Transition> history(@PathVariable String projectId) {
        return projects.get(projectId).history();
    }

    private ProjectView view(Project project) {
        return ProjectView.of(project, projects.today());
    }

    record CompanyInput(@Schema(example = "Chaudronnerie du Hainaut") @NotBlank @Size(max = 160) String name,
            @Schema(example = "81234567800019") String siret, @Schema(example = "25.62B") String nafCode, LocalDate createdOn,
            @Min(0) @Max(100_000) Integer headcount, @Size(max = 100) String city) {
    }

    record HeadInput(@Schema(example = "Paul") @NotBlank @Size(max = 80) String firstName,
            @Schema(example = "Martin") @NotBlank @Size(max = 80) String lastName, @Email String email,
            @Size(max = 30) String phone) {
    }

    record NeedsInput(List<@NotBlank String> skillsDomains, @Schema(example = "20000") BigDecimal amountRequested,
            @Size(max = 4000) String description) {
    }

    record SubmissionInput(@NotNull @Valid CompanyInput company, @NotNull @Valid HeadInput head,
            @Schema(example = "EXISTING_SME_DEVELOPMENT") BeneficiaryType beneficiaryType, @Valid NeedsInput needs,
            @Schema(description = "emplois prévus à trois ans (R-21)", example = "6") @NotNull @Min(0) @Max(1_000) Integer forecastJobs,
            List<@NotBlank String> supportSchemeIds, @NotBlank String prescriberId, LocalDate submittedOn) {
        Submission submission() {
            return new Submission(new Company(company.name(), blankToNull(company.siret()),
                    blankToNull(company.nafCode()), company.createdOn(), company.headcount(), company.city()),
                    new Head(head.firstName(), head.lastName(), head.email(), head.phone()), beneficiaryType,
                    needs == null ? new Needs(List.of(), null, null)
                            : new Needs(needs.skillsDomains(), needs.amountRequested(), needs.description()),
                    forecastJobs, supportSchemeIds == null ? List.of() : supportSchemeIds);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record DiagnosisInput(@NotNull Diagnosis.Kind kind, @NotNull LocalDate writtenOn,
            @NotBlank @Size(max = 8000) String summary, @Size(max = 4000) String strengths, @Size(max = 4000) String risks,
            @Size(max = 2000) String recommendation, Diagnosis.Scores scores,
            @Schema(description = "pour un diagnostic complémentaire : le professionnel qui l'a rédigé") String professional,
            String professionalOrganisation) {
    }

    record DateInput(LocalDate on) {
        static LocalDate on(DateInput input) {
            return input == null ? null : input.on();
        }
    }

    record ReasonInput(LocalDate on, @NotBlank @Size(max = 2000) String reason) {
    }

    record MandataryInput(@NotBlank @Size(max = 80) String mandataryId, LocalDate on,
            @Schema(example = "Départ de l'entreprise partenaire") @NotBlank @Size(max = 500) String reason) {
    }

    record OptionalReasonInput(LocalDate on, @Size(max = 2000) String reason) {
    }
}
