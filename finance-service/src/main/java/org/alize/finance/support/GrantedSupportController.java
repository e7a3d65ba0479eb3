package org.alize.finance.support;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}/granted-support")
@Tag(name = "Prêts bonifiés et financements directs", description = "Accordés par le comité (R-26), suivis jusqu'au paiement")
class GrantedSupportController {

    private final GrantedSupportRepository support;
    private final Clock clock;

    GrantedSupportController(GrantedSupportRepository support, Clock clock) {
        this.support = support;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Les prêts bonifiés et financements directs accordés, par page (au plus 200), par référence de projet")
    Paged<SupportView> all(@RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        org.springframework.data.domain.Page<GrantedSupport> found = support.findAll(
                org.springframework.data.domain.PageRequest.of(page, size, Sort.by("projectReference", "_id")));
        return Paged.of(found.getContent(), page, size, found.getTotalElements(), SupportView::of);
    }

    @PostMapping("/{supportId}/loan-paid")
    @Operation(summary = "Enregistrer le versement du prêt bonifié par le prêteur")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SupportView loanPaid(@PathVariable String supportId, @Valid @RequestBody PaidInput input) {
        GrantedSupport granted = find(supportId);
        granted.loanPaid(input.paidOn(), today(), clock.instant(), CurrentGrants.subject());
        return SupportView.of(support.save(granted));
    }

    @PostMapping("/{supportId}/financing-paid")
    @Operation(summary = "Enregistrer le versement du financement direct par le financeur")
    @RequiresBasinRole(BasinRole.OPERATOR)
    SupportView financingPaid(@PathVariable String supportId, @Valid @RequestBody PaidInput input) {
        GrantedSupport granted = find(supportId);
        granted.financingPaid(input.paidOn(), today(), clock.instant(), CurrentGrants.subject());
        return SupportView.of(support.save(granted));
    }

    private LocalDate today() {
        return BasinCalendar.today(clock);
    }

    private GrantedSupport find(String id) {
        return support.findById(id).orElseThrow(() -> new NotFound("support.not-found", "Aucun soutien « " + id + " »."));
    }

    record PaidInput(@NotNull LocalDate paidOn) {
    }

    record SupportView(String supportId, String projectId, String projectReference, String companyName,
            GrantedSupport.Loan loan, LocalDate loanPaidOn, GrantedSupport.Financing financing, LocalDate financingPaidOn) {
        static SupportView of(GrantedSupport s) {
            return new SupportView(s.id(), s.projectId(), s.projectReference(), s.companyName(), s.loan(), s.loanPaidOn(),
                    s.financing(), s.financingPaidOn());
        }
    }
}
