package org.alize.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.alize.kernel.BasinCalendar;
import org.springframework.stereotype.Component;

/** French formats for the pages ({@code ${@fr.euros(x)}}): amounts, numbers, percentages, dates. */
@Component("fr")
public class Fr {

    private static final Locale FRENCH = Locale.FRANCE;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm", FRENCH);

    /** 12 345,67 € (no decimals when the amount is whole and {@code whole} is asked). */
    public String euros(Object amount) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(FRENCH);
        if (value.stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(value);
    }

    public String number(Object value) {
        BigDecimal decimal = decimal(value);
        if (decimal == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(FRENCH);
        format.setMaximumFractionDigits(1);
        return format.format(decimal);
    }

    public String percent(Object value) {
        BigDecimal decimal = decimal(value);
        return decimal == null ? "—" : number(decimal) + " %";
    }

    /** A figure of reporting-service by its unit: €, %, jours, nombre. */
    public String figure(Object value, Object unit) {
        if (value == null) {
            return "—";
        }
        return switch (String.valueOf(unit)) {
            case "€" -> euros(value);
            case "%" -> percent(value);
            case "jours" -> number(value) + " j";
            default -> number(value);
        };
    }

    public String date(Object iso) {
        LocalDate date = localDate(iso);
        return date == null ? "—" : SHORT.format(date);
    }

    public String longDate(Object iso) {
        LocalDate date = localDate(iso);
        return date == null ? "—" : LONG.format(date);
    }

    public String instant(Object iso) {
        if (iso == null) {
            return "—";
        }
        try {
            return STAMP.format(Instant.parse(String.valueOf(iso)).atZone(BasinCalendar.ZONE));
        } catch (DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    /** A figure compared with its reference: "ok", "ecart" or "" when there is nothing to compare. */
    public String standing(Map<String, Object> figure) {
        BigDecimal value = decimal(figure.get("value"));
        BigDecimal reference = decimal(figure.get("reference"));
        if (value == null || reference == null || reference.signum() == 0) {
            return "";
        }
        BigDecimal ratio = value.divide(reference, 4, RoundingMode.HALF_UP);
        String key = String.valueOf(figure.get("key"));
        if (key.startsWith("share")) {
            return value.subtract(reference).abs().compareTo(BigDecimal.valueOf(5)) <= 0 ? "ok" : "ecart";
        }
        boolean lowerIsBetter = key.equals("lossRate") || key.equals("operatorReimbursement") || key.startsWith("advancesInArrears")
                || key.equals("followUpReportsOverdue");
        if (lowerIsBetter) {
            return value.compareTo(reference) <= 0 ? "ok" : "ecart";
        }
        return ratio.compareTo(new BigDecimal("0.9")) >= 0 ? "ok" : "ecart";
    }

    private static final Map<String, String> PROJECT_STATUS = Map.ofEntries(Map.entry("SUBMITTED", "déposé"),
            Map.entry("IN_DIAGNOSIS", "en diagnostic"), Map.entry("READY_FOR_COMMITTEE", "prêt pour le comité"),
            Map.entry("APPROVED", "agréé"), Map.entry("REJECTED", "refusé"), Map.entry("CONVENTION_SIGNED", "convention signée"),
            Map.entry("IN_FOLLOW_UP", "en suivi"), Map.entry("CLOSED", "clos"), Map.entry("ABANDONED", "abandonné"),
            Map.entry("WITHDRAWN", "retiré"));
    private static final Map<String, String> SIGNATORIES = Map.of("SME_HEAD", "dirigeant de la PME",
            "COMMITTEE_PRESIDENT", "président du comité d'agrément", "SKILLS_PARTNER", "partenaire apportant des compétences",
            "MANDATARY", "mandataire", "OPERATOR", "opérateur local (annexe avance)");

    public String projectStatus(Object code) {
        return PROJECT_STATUS.getOrDefault(String.valueOf(code), String.valueOf(code));
    }

    private static final Map<String, String> ROLES = Map.of("COMMITTEE_MEMBER", "membre du comité d'agrément",
            "STEERING_MEMBER", "membre du comité de pilotage", "PARTNER", "partenaire", "OPERATOR", "opérateur local");

    /** Basin roles in French, joined: « opérateur local, partenaire ». */
    public String roles(java.util.Collection<?> roles) {
        return roles.stream().map(role -> ROLES.getOrDefault(String.valueOf(role), String.valueOf(role)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public String signatory(Object role) {
        return SIGNATORIES.getOrDefault(String.valueOf(role), String.valueOf(role));
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate localDate(Object iso) {
        if (iso == null) {
            return null;
        }
        String text = String.valueOf(iso);
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
