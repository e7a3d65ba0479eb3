package org.alize.basin.convention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.alize.basin.organisation.ResourceCategory;
import org.alize.kernel.Money;
import org.alize.kernel.ProgrammeReferences;

/**
 * A convention's resources by category against the reference profile of R-13 (companies 40 %,
 * territorial actors 20 %, local authorities 25 %, State and CDC 15 %; about 900 k€ over 3 years,
 * cash and valued contributions together). Deviations are shown, never refused.
 */
public record ResourceProfile(List<Line> lines, BigDecimal total, BigDecimal referenceTotal,
        BigDecimal totalDeviationPercent, List<String> deviations) {

    /** A share this many points away from its reference, or a total this many percent away, is pointed out. */
    static final BigDecimal NOTABLE_POINTS = new BigDecimal("5");
    static final BigDecimal NOTABLE_TOTAL_PERCENT = new BigDecimal("20");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One category's resources, its share of the total and how far it is from the reference, in points. */
    public record Line(ResourceCategory category, String label, BigDecimal cash, BigDecimal skills, BigDecimal inKind,
            BigDecimal total, BigDecimal sharePercent, BigDecimal referencePercent, BigDecimal deviationPoints) {
    }

    public static ResourceProfile of(List<Pledge> pledges) {
        BigDecimal grandTotal = pledges.stream().map(Pledge::total).reduce(Money.ZERO, BigDecimal::add);
        List<Line> lines = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        for (ResourceCategory category : ResourceCategory.values()) {
            List<Pledge> own = pledges.stream().filter(p -> p.category() == category).toList();
            BigDecimal cash = own.stream().map(Pledge::cash).reduce(Money.ZERO, BigDecimal::add);
            BigDecimal skills = own.stream().map(Pledge::skillsValue).reduce(Money.ZERO, BigDecimal::add);
            BigDecimal inKind = own.stream().map(Pledge::inKind).reduce(Money.ZERO, BigDecimal::add);
            BigDecimal total = cash.add(skills).add(inKind);
            BigDecimal share = grandTotal.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                    : total.multiply(HUNDRED).divide(grandTotal, 1, RoundingMode.HALF_UP);
            BigDecimal reference = category.referenceShare().multiply(HUNDRED).setScale(1, RoundingMode.UNNECESSARY);
            BigDecimal deviation = share.subtract(reference);
            lines.add(new Line(category, category.label(), cash, skills, inKind, total, share, reference, deviation));
            if (grandTotal.signum() > 0 && deviation.abs().compareTo(NOTABLE_POINTS) >= 0) {
                deviations.add(capitalised(category.label()) + " : " + share + " % des ressources pour " + reference
                        + " % attendus (" + signed(deviation) + " points).");
            }
        }
        BigDecimal totalDeviation = grandTotal.subtract(ProgrammeReferences.R13_CONVENTION_RESOURCES).multiply(HUNDRED)
                .divide(ProgrammeReferences.R13_CONVENTION_RESOURCES, 1, RoundingMode.HALF_UP);
        if (totalDeviation.abs().compareTo(NOTABLE_TOTAL_PERCENT) >= 0) {
            deviations.add("Total de " + grandTotal.toPlainString() + " € pour environ 900 000 € de référence sur trois ans ("
                    + signed(totalDeviation) + " %).");
        }
        return new ResourceProfile(List.copyOf(lines), grandTotal, ProgrammeReferences.R13_CONVENTION_RESOURCES, totalDeviation, List.copyOf(deviations));
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
