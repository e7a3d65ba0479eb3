package org.alize.project.session;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.HistoryEntry;
import org.alize.project.basin.BasinFacts;
import org.alize.project.basin.CommitteeOnDate;
import org.alize.project.events.CooperationConventionSigned.AdvanceAnnex;
import org.alize.project.project.Decision;
import org.alize.project.project.GrantedMeans;
import org.alize.project.project.ProjectView;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}")
@Tag(name = "Séances du comité d'agrément", description = "Ordre du jour, présents et quorum, déports, décisions, "
        + "procès-verbal, validation a posteriori (R-07, R-23, R-25, R-26)")
class SessionController {

    private final SessionService sessions;
    private final BasinFacts basin;

    SessionController(SessionService sessions, BasinFacts basin) {
        this.sessions = sessions;
        this.basin = basin;
    }

    @GetMapping("/committee")
    @Operation(summary = "Le comité d'agrément à une date, tel que connu du service projets (membres, président, quorum)")
    CommitteeOnDate committee(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return basin.committeeOn(on == null ? sessions.today() : on);
    }

    @PostMapping("/sessions")
    @Operation(summary = "Prévoir une séance")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ResponseEntity<SessionView> schedule(@Valid @RequestBody ScheduleInput input) {
        CommitteeSession session = sessions.schedule(input.scheduledOn(), input.location(), CurrentGrants.subject());
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/sessions/" + session.id()))
                .body(SessionView.of(session));
    }

    @GetMapping("/sessions")
    @Operation(summary = "Les séances d'une année (6 à 10 attendues, R-41), par page (au plus 200), par date")
    Paged<SessionView> sessions(@RequestParam(required = false) @Min(1990) @Max(2100) Integer year,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        org.springframework.data.domain.Page<CommitteeSession> found = sessions.ofYear(
                year == null ? sessions.today().getYear() : year, page, size);
        return Paged.of(found.getContent(), page, size, found.getTotalElements(), SessionView::of);
    }

    @GetMapping("/sessions/{sessionId}")
    SessionView session(@PathVariable String sessionId) {
        return SessionView.of(sessions.get(sessionId));
    }

    @PostMapping("/sessions/{sessionId}/agenda")
    @Operation(summary = "Inscrire à l'ordre du jour un projet prêt pour le comité (R-22)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SessionView addToAgenda(@PathVariable String sessionId, @Valid @RequestBody AgendaInput input) {
        return SessionView.of(sessions.addToAgenda(sessionId, input.projectId(), CurrentGrants.subject()));
    }

    @DeleteMapping("/sessions/{sessionId}/agenda/{projectId}")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SessionView removeFromAgenda(@PathVariable String sessionId, @PathVariable String projectId) {
        return SessionView.of(sessions.removeFromAgenda(sessionId, projectId, CurrentGrants.subject()));
    }

    @PostMapping("/sessions/{sessionId}/convocation")
    @Operation(summary = "Convoquer les membres du comité à une séance à venir : l'ordre du jour et le diagnostic préalable de "
            + "chaque projet leur sont envoyés (R-22) ; à refaire si l'ordre du jour change")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SessionView convene(@PathVariable String sessionId) {
        return SessionView.of(sessions.convene(sessionId, CurrentGrants.subject()));
    }

    @PostMapping("/sessions/{sessionId}/attendance")
    @Operation(summary = "Enregistrer les présents ; refusé si le quorum n'est pas atteint (R-23)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SessionView attendance(@PathVariable String sessionId, @Valid @RequestBody AttendanceInput input) {
        return SessionView.of(sessions.recordAttendance(sessionId, input.heldOn(), input.present(), input.presidedBy(),
                CurrentGrants.subject()));
    }

    @PostMapping("/sessions/{sessionId}/conflicts")
    @Operation(summary = "Déclarer un conflit d'intérêts : le membre ne vote pas sur ce projet")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SessionView conflict(@PathVariable String sessionId, @Valid @RequestBody ConflictInput input) {
        return SessionView.of(sessions.declareConflict(sessionId, input.personId(), input.projectId(), input.reason(),
                CurrentGrants.subject()));
    }

    @PostMapping("/sessions/{sessionId}/decisions")
    @Operation(summary = "Décider d'un projet de l'ordre du jour : agréer (moyens et mandataire), refuser ou ajourner (R-23)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ProjectView decide(@PathVariable String sessionId, @Valid @RequestBody DecisionBody input) {
        return ProjectView.of(sessions.decide(sessionId, input.toInput(), CurrentGrants.subject()), sessions.today());
    }

    @PostMapping("/sessions/{sessionId}/close")
    @Operation(summary = "Clore la séance quand chaque projet de l'ordre du jour a sa décision")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SessionView close(@PathVariable String sessionId) {
        return SessionView.of(sessions.close(sessionId, CurrentGrants.subject()));
    }

    @PostMapping("/sessions/{sessionId}/validation")
    @Operation(summary = "Enregistrer la validation a posteriori du comité local de pilotage (R-07)")
    @RequiresBasinRole({BasinRole.OPERATOR, BasinRole.STEERING_MEMBER})
    SessionView validate(@PathVariable String sessionId, @Valid @RequestBody ValidationInput input) {
        return SessionView.of(sessions.validate(sessionId, input.validatedOn(), input.validatedBy(), input.remarks(),
                CurrentGrants.subject()));
    }

    @PostMapping("/sessions/{sessionId}/cancel")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SessionView cancel(@PathVariable String sessionId, @Valid @RequestBody CancelInput input) {
        return SessionView.of(sessions.cancel(sessionId, input.reason(), CurrentGrants.subject()));
    }

    @GetMapping(value = "/sessions/{sessionId}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le procès-verbal de la séance, en PDF")
    ResponseEntity<byte[]> minutes(@PathVariable String sessionId) {
        CommitteeSession session = sessions.get(sessionId);
        if (session.status() == SessionStatus.SCHEDULED || session.status() == SessionStatus.CANCELLED) {
            throw new org.alize.kernel.problem.Conflict("session.not-held", "Le procès-verbal suit la tenue de la séance.");
        }
        byte[] pdf = MinutesPdf.render(BasinContext.require().value(), session, sessions.decidedAt(session));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename("proces-verbal-seance-" + session.number() + ".pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/sessions/{sessionId}/history")
    List<HistoryEntry> history(@PathVariable String sessionId) {
        return sessions.get(sessionId).history();
    }

    record ScheduleInput(@Schema(example = "2026-03-05") @NotNull LocalDate scheduledOn,
            @Schema(example = "CCI Grand Hainaut, Valenciennes") @Size(max = 200) String location) {
    }

    record AgendaInput(@NotBlank String projectId) {
    }

    /** @param presidedBy the present member who presided, when the committee's president was absent */
    record AttendanceInput(LocalDate heldOn, @NotEmpty List<@NotBlank String> present, @Size(max = 80) String presidedBy) {
    }

    record ConflictInput(@NotBlank String personId, @NotBlank String projectId, @NotBlank @Size(max = 500) String reason) {
    }

    record ValidationInput(LocalDate validatedOn, @Size(max = 200) String validatedBy, @Size(max = 4000) String remarks) {
    }

    record CancelInput(@NotBlank @Size(max = 500) String reason) {
    }

    record SkillsBody(@NotBlank String partnerId, @NotBlank String domain, @NotNull @Min(1) @Max(1_000) Integer days,
            @NotNull BigDecimal dailyValue) {
    }

    record InKindBody(@NotBlank String description, String providerId, @NotNull BigDecimal value) {
    }

    record AdvanceBody(@Schema(example = "20000") @NotNull BigDecimal amount, @Schema(example = "36") @NotNull @Min(1) @Max(AdvanceAnnex.MAX_DURATION_MONTHS) Integer durationMonths,
            @Schema(example = "6") @Min(0) @Max(AdvanceAnnex.MAX_GRACE_MONTHS) Integer graceMonths, GrantedMeans.Frequency frequency) {
    }

    record LoanBody(@NotBlank String lender, @NotNull BigDecimal amount, @NotNull BigDecimal ratePercent,
            @NotNull @Min(1) @Max(AdvanceAnnex.MAX_DURATION_MONTHS) Integer durationMonths) {
    }

    record DirectBody(@NotBlank String funder, @NotNull BigDecimal amount) {
    }

    record MeansBody(List<@Valid SkillsBody> skills, List<@Valid InKindBody> inKind, @Valid AdvanceBody advance,
            @Valid LoanBody loan, @Valid DirectBody directFinancing) {
        GrantedMeans toMeans() {
            return new GrantedMeans(
                    skills == null ? List.of() : skills.stream().map(s -> new GrantedMeans.SkillsGrant(s.partnerId(), null,
                            s.domain(), s.days(), s.dailyValue())).toList(),
                    inKind == null ? List.of() : inKind.stream().map(k -> new GrantedMeans.InKindGrant(k.description(),
                            k.providerId(), k.value())).toList(),
                    advance == null ? null : new GrantedMeans.AdvanceTerms(advance.amount(), advance.durationMonths(),
                            advance.graceMonths() == null ? 0 : advance.graceMonths(), advance.frequency()),
                    loan == null ? null : new GrantedMeans.SubsidisedLoan(loan.lender(), loan.amount(), loan.ratePercent(),
                            loan.durationMonths()),
                    directFinancing == null ? null : new GrantedMeans.DirectFinancing(directFinancing.funder(),
                            directFinancing.amount()));
        }
    }

    record DecisionBody(@NotBlank String projectId, @NotNull Decision.Outcome outcome,
            @NotBlank @Size(max = 4000) String motivation, @Valid MeansBody means, String mandataryId,
            Boolean complementaryDiagnosisRequested) {
        SessionService.DecisionInput toInput() {
            return new SessionService.DecisionInput(projectId, outcome, motivation, means == null ? null : means.toMeans(),
                    mandataryId, Boolean.TRUE.equals(complementaryDiagnosisRequested));
        }
    }

    record SessionView(String sessionId, int number, LocalDate scheduledOn, String location, SessionStatus status,
            String statusLabel, List<AgendaItem> agenda, LocalDate heldOn, List<Attendee> present, List<String> absent,
            int quorum, String presidentName, String presidedByName, List<Recusal> recusals, Validation validation,
            int convocations, Long version) {
        static SessionView of(CommitteeSession s) {
            return new SessionView(s.id(), s.number(), s.scheduledOn(), s.location(), s.status(), s.status().label(),
                    s.agenda(), s.heldOn(), s.present(), s.absent(), s.quorum(), s.presidentName(), s.presidedByName(), s.recusals(),
                    s.validation(), s.convocations(), s.version());
        }
    }
}
