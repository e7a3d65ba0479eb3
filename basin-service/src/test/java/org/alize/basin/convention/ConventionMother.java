package org.alize.basin.convention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.alize.basin.organisation.OrganisationKind;
import org.alize.basin.organisation.ResourceCategory;
import org.alize.tenancy.BasinId;

/** Conventions close to the Valenciennois one of DEMO.md, for tests. */
public final class ConventionMother {

    static final BasinId TEST_BASIN = BasinId.of("valenciennois");

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final LocalDate START = LocalDate.of(2025, 1, 1);

    private ConventionMother() {
    }

    public static Pledge company(int n, String cash) {
        return new Pledge("company-" + n, "Entreprise " + n, OrganisationKind.PARTNER_COMPANY, ResourceCategory.COMPANIES,
                new BigDecimal(cash), 10, new BigDecimal("800"), BigDecimal.ZERO, null);
    }

    public static Pledge funder(String id, ResourceCategory category, String cash) {
        return new Pledge(id, "Financeur " + id, OrganisationKind.PUBLIC_FUNDER, category, new BigDecimal(cash), 0,
                BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    /** {@code companies} partner companies and one funder per other category. */
    public static List<Pledge> pledges(int companies) {
        List<Pledge> pledges = new ArrayList<>();
        for (int n = 1; n <= companies; n++) {
            pledges.add(company(n, "80000"));
        }
        pledges.add(new Pledge("cci", "CCI", OrganisationKind.ASSOCIATED_PARTNER, ResourceCategory.TERRITORIAL_ACTORS,
                new BigDecimal("180000"), 0, BigDecimal.ZERO, BigDecimal.ZERO, null));
        pledges.add(funder("region", ResourceCategory.LOCAL_AUTHORITIES, "225000"));
        pledges.add(funder("cdc", ResourceCategory.STATE_AND_CDC, "135000"));
        return pledges;
    }

    public static PartnershipConvention.Terms terms(List<Pledge> pledges) {
        return new PartnershipConvention.Terms(pledges, null, List.of("Priorité aux reprises d'entreprises"),
                "Articulation avec le service public de l'emploi", List.of(
                        new BudgetLine(1, BudgetLine.Kind.SPENDING, BudgetLine.Category.PROJECT_SUPPORT, null, new BigDecimal("210000")),
                        new BudgetLine(1, BudgetLine.Kind.SPENDING, BudgetLine.Category.OPERATOR_REIMBURSEMENT, null, new BigDecimal("8000"))),
                true);
    }

    public static PartnershipConvention draft(int companies) {
        return PartnershipConvention.draft(TEST_BASIN, "conv-2025", 1, null, START, terms(pledges(companies)), NOW, "op");
    }

    public static List<Signature> signaturesOf(List<Pledge> pledges) {
        return pledges.stream().map(p -> new Signature(p.organisationId(), p.organisationName(), p.organisationKind(),
                "signataire", LocalDate.of(2024, 12, 12))).toList();
    }

    public static OperatorConvention operatorConvention() {
        return new OperatorConvention(List.of("vmd"), "Claire Martin", "Karim Benali", LocalDate.of(2024, 12, 12), null, null);
    }

    public static PartnershipConvention signed(int companies) {
        PartnershipConvention convention = draft(companies);
        convention.sign(signaturesOf(convention.terms().pledges()), operatorConvention(), TODAY, NOW, "op");
        return convention;
    }
}
