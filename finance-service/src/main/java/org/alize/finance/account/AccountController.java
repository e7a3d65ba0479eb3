package org.alize.finance.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.alize.kernel.Money;
import org.alize.kernel.ProgrammeReferences;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/basins/{basinId}")
@Tag(name = "Comptes", description = "Les deux comptes dédiés et leurs virements (R-04), contributions, dépenses de "
        + "fonctionnement (R-14). Les commandes acceptent l'en-tête Idempotency-Key.")
class AccountController {

    private final AccountService accounts;
    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer une contribution d'un partenaire : espèces sur un compte, ou compétences et nature valorisées")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ContributionView contribute(@Valid @RequestBody ContributionInput input) {
        return ContributionView.of(accounts.contribute(input.partnerId(), input.kind(), input.account(), input.amount(), input.on(),
                input.description(), Boolean.TRUE.equals(input.forOperator()), CurrentGrants.subject()));
    }

    @PostMapping("/contributions/{contributionId}/reverse")
    @Operation(summary = "Contre-passer une contribution enregistrée par erreur : un mouvement inverse, rien n'est effacé (R-31) ; "
            + "jamais sous zéro (R-04)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    ContributionView reverseContribution(@PathVariable String contributionId, @Valid @RequestBody ReverseInput input) {
        return ContributionView.of(accounts.reverseContribution(contributionId, input.on(), input.reason(), CurrentGrants.subject()));
    }

    @GetMapping("/contributions")
    @Operation(summary = "Les contributions reçues, par page (au plus 200), par date (les plus récentes d'abord si demandé)")
    Paged<ContributionView> contributions(@RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size,
            @RequestParam(defaultValue = "false") boolean newestFirst) {
        return accounts.contributions(page, size, newestFirst, ContributionView::of);
    }

    @GetMapping("/pledges")
    @Operation(summary = "Les engagements des conventions de partenariat signées, tels que connus des finances")
    List<Pledges> pledges() {
        return accounts.conventions();
    }

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Virer entre le fonds d'avances et le compte de fonctionnement, sur décision approuvée (R-04)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    TransferView transfer(@Valid @RequestBody TransferInput input) {
        return TransferView.of(accounts.transfer(input.from(), input.to(), input.amount(), input.on(),
                input.approvalReference(), input.reason(), CurrentGrants.subject()));
    }

    @PostMapping("/transfers/{transferId}/reverse")
    @Operation(summary = "Contre-passer un virement enregistré par erreur : l'argent revient, rien n'est effacé (R-31) ; "
            + "jamais sous zéro (R-04)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    TransferView reverseTransfer(@PathVariable String transferId, @Valid @RequestBody ReverseInput input) {
        return TransferView.of(accounts.reverseTransfer(transferId, input.on(), input.reason(), CurrentGrants.subject()));
    }

    @GetMapping("/transfers")
    @Operation(summary = "Les virements entre les deux comptes, par page (au plus 200), par date")
    Paged<TransferView> transfers(@RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size,
            @RequestParam(defaultValue = "false") boolean newestFirst) {
        return accounts.transfers(page, size, newestFirst, TransferView::of);
    }

    @PostMapping("/operating-expenses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enregistrer une dépense de fonctionnement ; l'opérateur n'est que remboursé, dans la limite de 10 000 € "
            + "et du budget de l'année de convention, quelle que soit la catégorie de ce qui lui est payé (R-14)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    OperatingYear.Expense spend(@Valid @RequestBody ExpenseInput input) {
        return accounts.spend(input.category(), input.amount(), input.paidOn(), input.description(), input.payee(),
                input.payeeOrganisationId(), CurrentGrants.subject());
    }

    @PostMapping("/operating-expenses/{expenseId}/reverse")
    @Operation(summary = "Contre-passer une dépense enregistrée par erreur : un mouvement inverse, rien n'est effacé (R-31)")
    @RequiresBasinRole(BasinRole.OPERATOR)
    OperatingYear.Expense reverseExpense(@PathVariable String expenseId, @Valid @RequestBody ReverseInput input) {
        return accounts.reverseExpense(expenseId, input.on(), input.reason(), CurrentGrants.subject());
    }

    @GetMapping("/operating-expenses")
    @Operation(summary = "Les dépenses d'une année et le remboursement de l'opérateur face au plafond de R-14")
    OperatingYearView expenses(@RequestParam(required = false) @Min(1990) @Max(2100) Integer year) {
        OperatingYear y = accounts.operatingYear(year == null ? accounts.today().getYear() : year);
        return new OperatingYearView(y.year(), y.expenses(), y.total(OperatingYear.Category.LOCAL_ENGINEERING), y.reimbursed(),
                ProgrammeReferences.R14_OPERATOR_REIMBURSEMENT_CAP_PER_YEAR);
    }

    record ContributionView(String contributionId, String partnerId, String partnerName, String resourceCategory,
            Contribution.Kind kind, Contribution.Target account, BigDecimal amount, LocalDate on, String description,
            boolean forOperator, Reversal reversal) {
        static ContributionView of(Contribution c) {
            return new ContributionView(c.id(), c.partnerId(), c.partnerName(), c.resourceCategory(), c.kind(), c.account(),
                    c.amount(), c.on(), c.description(), c.forOperator(), c.reversal());
        }
    }

    record TransferView(String transferId, Contribution.Target from, Contribution.Target to, BigDecimal amount, LocalDate on,
            String approvalReference, String reason, Reversal reversal) {
        static TransferView of(Transfer t) {
            return new TransferView(t.id(), t.from(), t.to(), t.amount(), t.on(), t.approvalReference(), t.reason(), t.reversal());
        }
    }

    record ReverseInput(@Schema(example = "2026-10-05", description = "date de la contre-passation ; aujourd'hui si absente")
            LocalDate on, @Schema(example = "Saisie en double") @NotBlank @Size(max = 500) String reason) {
    }

    /** @param forOperator skills or help in kind put at the local operator's disposal, its defrayal in kind */
    record ContributionInput(@NotBlank String partnerId, Contribution.Kind kind, Contribution.Target account,
            @Schema(example = "25000.00") @NotNull BigDecimal amount, LocalDate on, @Size(max = 500) String description,
            Boolean forOperator) {
    }

    record TransferInput(@NotNull Contribution.Target from, @NotNull Contribution.Target to, @NotNull BigDecimal amount,
            LocalDate on, @Schema(example = "CLP-2026-06") String approvalReference, @Size(max = 500) String reason) {
    }

    /** @param payeeOrganisationId the organisation paid, when it is one of the basin's (the local operator's is capped, R-14) */
    record ExpenseInput(@NotNull OperatingYear.Category category, @NotNull BigDecimal amount, LocalDate paidOn,
            @NotBlank @Size(max = 500) String description, @Size(max = 160) String payee,
            @Size(max = 80) String payeeOrganisationId) {
    }

    record OperatingYearView(int year, List<OperatingYear.Expense> expenses, BigDecimal localEngineering,
            BigDecimal operatorReimbursed, BigDecimal operatorReimbursementCap) {
        OperatingYearView {
            localEngineering = localEngineering == null ? Money.ZERO : localEngineering;
        }
    }
}
