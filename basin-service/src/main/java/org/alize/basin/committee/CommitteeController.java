package org.alize.basin.committee;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.HistoryEntry;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/committees")
@Tag(name = "Comités", description = "Comité d'agrément (R-06) et comité local de pilotage (R-07), datés")
class CommitteeController {

    private final CommitteeService service;

    CommitteeController(CommitteeService service) {
        this.service = service;
    }

    @GetMapping("/approval")
    @Operation(summary = "Composition du comité d'agrément à une date (aujourd'hui par défaut), quorum et manques")
    ApprovalCommittee.Composition approval(@Parameter(example = "2025-06-30") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return service.approval().compositionOn(on == null ? service.today() : on);
    }

    @PostMapping("/approval/members")
    @Operation(summary = "Nommer un membre du comité d'agrément à partir d'une date")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ResponseEntity<ApprovalCommittee.Membership> appoint(@Valid @RequestBody MembershipInput input) {
        ApprovalCommittee.Membership membership = service.appoint(input.personId(), input.seat(),
                input.voting() == null || input.voting(), input.from(), CurrentGrants.subject());
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/committees/approval/members/"
                + membership.membershipId())).body(membership);
    }

    @PostMapping("/approval/members/{membershipId}/end")
    @Operation(summary = "Mettre fin à un mandat (dernier jour inclus)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ApprovalCommittee.Composition endMembership(@PathVariable String membershipId, @Valid @RequestBody EndInput input) {
        return service.endMembership(membershipId, input.lastDay(), input.reason(), CurrentGrants.subject())
                .compositionOn(input.lastDay());
    }

    @PostMapping("/approval/president")
    @Operation(summary = "Élire le président : représentant en activité d'une entreprise partenaire (R-06)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ApprovalCommittee.Composition electPresident(@Valid @RequestBody PresidentInput input) {
        return service.electPresident(input.personId(), input.from(), CurrentGrants.subject()).compositionOn(input.from());
    }

    @PutMapping("/approval/quorum")
    @Operation(summary = "Fixer la règle de quorum (par défaut : la majorité des membres votants)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    QuorumRule quorum(@RequestBody QuorumRule rule) {
        return service.setQuorum(rule, CurrentGrants.subject()).quorum();
    }

    @GetMapping("/approval/history")
    List<HistoryEntry> approvalHistory() {
        return service.approval().history();
    }

    @GetMapping("/steering")
    @Operation(summary = "Composition du comité local de pilotage à une date (aujourd'hui par défaut)")
    SteeringCommittee.Composition steering(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate on) {
        return service.steering().compositionOn(on == null ? service.today() : on);
    }

    @PostMapping("/steering/chair")
    @Operation(summary = "Désigner le président du comité local de pilotage : le Préfet ou son représentant, ou, en accord avec "
            + "lui, une collectivité à participation financière substantielle (R-07)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SteeringCommittee.Composition chair(@Valid @RequestBody ChairInput input) {
        return service.appointChair(input.kind(), input.personId(), input.prefectAgreedOn(), input.from(), CurrentGrants.subject())
                .compositionOn(input.from());
    }

    @PostMapping("/steering/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer une décision du comité local de pilotage sous la référence de son procès-verbal (R-07) ; "
            + "un virement entre les deux comptes en cite une (R-04)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SteeringDecisionView decide(@Valid @RequestBody SteeringDecisionInput input) {
        return SteeringDecisionView.of(service.recordSteeringDecision(input.reference(), input.decidedOn(), input.subject(),
                CurrentGrants.subject()));
    }

    @GetMapping("/steering/decisions")
    @Operation(summary = "Les décisions du comité local de pilotage, par page (au plus 200), les plus récentes d'abord")
    Paged<SteeringDecisionView> decisions(@RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return service.steeringDecisions(page, size, SteeringDecisionView::of);
    }

    @PostMapping("/steering/members")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SteeringCommittee.Composition addSteeringMember(@Valid @RequestBody PresidentInput input) {
        return service.addSteeringMember(input.personId(), input.from(), CurrentGrants.subject()).compositionOn(input.from());
    }

    @PostMapping("/steering/members/{personId}/end")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SteeringCommittee.Composition endSteeringMember(@PathVariable String personId, @Valid @RequestBody EndInput input) {
        return service.endSteeringMember(personId, input.lastDay(), CurrentGrants.subject()).compositionOn(input.lastDay());
    }

    @GetMapping("/steering/history")
    List<HistoryEntry> steeringHistory() {
        return service.steering().history();
    }

    record MembershipInput(@NotBlank String personId, @NotNull Seat seat, Boolean voting, @NotNull LocalDate from) {
    }

    record EndInput(@NotNull LocalDate lastDay, @Size(max = 500) String reason) {
    }

    record PresidentInput(@NotBlank String personId, @NotNull LocalDate from) {
    }

    /** @param prefectAgreedOn for a local authority, the day the Préfet agreed to let it chair */
    record SteeringDecisionInput(@Schema(example = "CLP-2026-03") @NotBlank @Size(max = 80) String reference,
            @NotNull LocalDate decidedOn,
            @Schema(example = "Virement de 20 000 € vers le fonds d'avances") @NotBlank @Size(max = 500) String subject) {
    }

    record SteeringDecisionView(String decisionId, String reference, LocalDate decidedOn, String subject) {
        static SteeringDecisionView of(SteeringDecision d) {
            return new SteeringDecisionView(d.id(), d.reference(), d.decidedOn(), d.subject());
        }
    }

    record ChairInput(@NotNull SteeringCommittee.ChairKind kind, @NotBlank String personId, @NotNull LocalDate from,
            LocalDate prefectAgreedOn) {
    }
}
