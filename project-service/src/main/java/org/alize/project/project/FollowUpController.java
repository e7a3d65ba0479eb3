package org.alize.project.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.project.followup.FollowUpReport;
import org.alize.project.followup.Jobs;
import org.alize.project.followup.SkillsMission;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.Ids;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/projects/{projectId}")
@Tag(name = "Suivi", description = "Missions de compétences et comptes rendus du mandataire (R-25, R-26)")
class FollowUpController {

    private final ProjectService projects;
    private final Clock clock;

    FollowUpController(ProjectService projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    @PostMapping("/missions/{missionId}/deliveries")
    @Operation(summary = "Enregistrer des jours de compétences livrés, dans la limite des jours accordés")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER})
    ProjectView deliver(@PathVariable String projectId, @PathVariable String missionId, @Valid @RequestBody DeliveryInput input) {
        return ProjectView.of(projects.deliverSkills(projectId, missionId, input.deliveredOn(), input.days(), input.note(),
                CurrentGrants.subject()), projects.today());
    }

    @GetMapping("/missions")
    List<SkillsMission> missions(@PathVariable String projectId) {
        return projects.get(projectId).followUp().missions();
    }

    @PostMapping("/reports")
    @Operation(summary = "Déposer un compte rendu de suivi : emplois créés par type de contrat, avancement, difficultés ; "
            + "par le mandataire du projet, ou l'opérateur pour lui (R-25)")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.COMMITTEE_MEMBER})
    ProjectView report(@PathVariable String projectId, @Valid @RequestBody ReportInput input) {
        FollowUpReport report = new FollowUpReport(Ids.next("rep"), input.reportedOn(), new Jobs(n(input.permanent()),
                n(input.fixedTerm()), n(input.fixedTermShort()), n(input.apprenticeship()), n(input.other())), input.progress(), input.difficulties(),
                Boolean.TRUE.equals(input.newInterventionRequested()), input.interventionRequest(), input.author(),
                clock.instant(), CurrentGrants.subject());
        BasinId basin = BasinContext.require();
        return ProjectView.of(projects.fileReport(projectId, report, CurrentGrants.get().hasAnyRoleIn(basin, BasinRole.OPERATOR),
                CurrentGrants.get().personIn(basin).orElse(null)), projects.today());
    }

    @GetMapping("/reports")
    List<FollowUpReport> reports(@PathVariable String projectId) {
        return projects.get(projectId).followUp().reports();
    }

    record DeliveryInput(@NotNull LocalDate deliveredOn, @NotNull @Min(1) @Max(366) Integer days, @Size(max = 1000) String note) {
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    record ReportInput(@NotNull LocalDate reportedOn, @Schema(description = "CDI") @Min(0) @Max(1_000) Integer permanent,
            @Schema(description = "CDD de six mois ou plus") @Min(0) @Max(1_000) Integer fixedTerm,
            @Schema(description = "CDD de moins de six mois") @Min(0) @Max(1_000) Integer fixedTermShort,
            @Min(0) @Max(1_000) Integer apprenticeship,
            @Min(0) @Max(1_000) Integer other,
            @Size(max = 8000) String progress, @Size(max = 8000) String difficulties, Boolean newInterventionRequested,
            @Size(max = 4000) String interventionRequest, @Size(max = 160) String author) {
    }
}
