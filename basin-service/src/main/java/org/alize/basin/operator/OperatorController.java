package org.alize.basin.operator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.alize.basin.organisation.Organisation;
import org.alize.basin.organisation.OrganisationService;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/operator")
@Tag(name = "Opérateur local", description = "Désignation par consensus (R-03) et comptes dédiés (R-04)")
class OperatorController {

    private final LocalOperatorRepository operators;
    private final OrganisationService organisations;
    private final Clock clock;

    OperatorController(LocalOperatorRepository operators, OrganisationService organisations, Clock clock) {
        this.operators = operators;
        this.organisations = organisations;
        this.clock = clock;
    }

    @PutMapping
    @Operation(summary = "Désigner l'opérateur local (ou le remplacer)", description = "Une organisation porte toutes les "
            + "fonctions ; exceptionnellement plusieurs se les répartissent, chaque fonction à une seule.")
    @RequiresBasinRole(BasinRole.OPERATOR)
    OperatorView appoint(@Valid @RequestBody AppointmentInput input) {
        LocalOperator operator = operators.findById(LocalOperator.ID).orElseGet(() -> LocalOperator.none(BasinContext.require()));
        List<LocalOperator.Holder> holders = input.holders().stream().map(h -> {
            Organisation organisation = organisations.organisation(h.organisationId());
            if (!organisation.active()) {
                throw InvalidInput.field("holders.organisationId", organisation.name() + " s'est retirée du partenariat");
            }
            return new LocalOperator.Holder(organisation.id(), organisation.name(), h.functions());
        }).toList();
        operator.appoint(holders, input.appointedOn(), input.consensus(), input.accounts(),
                BasinCalendar.today(clock), clock.instant(), CurrentGrants.subject());
        return OperatorView.of(operators.save(operator));
    }

    @GetMapping
    @Operation(summary = "Lire l'opérateur local du bassin")
    OperatorView operator() {
        return OperatorView.of(current());
    }

    @GetMapping("/history")
    List<HistoryEntry> history() {
        return current().history();
    }

    private LocalOperator current() {
        return operators.findById(LocalOperator.ID).filter(LocalOperator::isAppointed)
                .orElseThrow(() -> new NotFound("operator.none", "Aucun opérateur local n'est encore désigné dans ce bassin."));
    }

    record HolderInput(@NotBlank String organisationId,
            @Schema(description = "vide quand une seule organisation porte toutes les fonctions") Set<OperatorFunction> functions) {
    }

    record AppointmentInput(@NotEmpty List<@Valid @NotNull HolderInput> holders, @NotNull LocalDate appointedOn,
            @NotNull LocalOperator.Consensus consensus, @NotNull LocalOperator.BankAccounts accounts) {
    }

    record OperatorView(List<LocalOperator.Holder> holders, LocalDate appointedOn, LocalOperator.Consensus consensus,
            LocalOperator.BankAccounts accounts, int formerAppointments, Long version) {
        static OperatorView of(LocalOperator operator) {
            LocalOperator.Appointment a = operator.appointment();
            return new OperatorView(a.holders(), a.appointedOn(), a.consensus(), a.accounts(), operator.previous().size(),
                    operator.version());
        }
    }
}
