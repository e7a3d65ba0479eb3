package org.alize.finance.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alize.finance.AsOf;
import org.alize.kernel.Money;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The basin's two dedicated accounts as the journal has them: their balances are its running totals. */
@RestController
@RequestMapping("/api/basins/{basinId}")
@Tag(name = "Comptes", description = "Les deux comptes dédiés et leurs virements (R-04), contributions, dépenses de "
        + "fonctionnement (R-14). Les commandes acceptent l'en-tête Idempotency-Key.")
class AccountBalanceController {

    private final JournalService journal;

    AccountBalanceController(JournalService journal) {
        this.journal = journal;
    }

    @GetMapping("/accounts")
    @Operation(summary = "Les deux comptes du bassin et leur solde à une date (aujourd'hui par défaut), somme des écritures "
            + "du journal datées de ce jour ou avant (R-04, R-31)")
    List<AccountView> accounts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "la date du solde (fin de journée)", example = "2025-12-31") LocalDate asOf) {
        LocalDate date = AsOf.resolve(asOf, journal.today());
        Map<Account, JournalService.Balance> balances = journal.balances(date);
        return List.of(new AccountView("ADVANCE_FUND", "Fonds d'avances", balanceOf(balances, Account.FUND_BANK), date),
                new AccountView("OPERATING_ACCOUNT", "Compte de fonctionnement", balanceOf(balances, Account.OPERATING_BANK), date));
    }

    private static BigDecimal balanceOf(Map<Account, JournalService.Balance> balances, Account account) {
        JournalService.Balance balance = balances.get(account);
        return balance == null ? Money.ZERO : balance.balance();
    }

    record AccountView(String account, String label, BigDecimal balance, LocalDate asOf) {
    }
}
