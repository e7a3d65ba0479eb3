package org.alize.documents.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alize.documents.Spreadsheet;
import org.alize.documents.Spreadsheet.Line;
import org.alize.kernel.problem.ApiProblem;
import org.alize.kernel.problem.InvalidInput;

/**
 * A row's cells read as the domain needs them, each refusal a {@link ImportRow.Problem} in French on the template's
 * column: what is missing, not a possible value, not a number, a date or an amount, or out of bounds.
 */
public final class Cells {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Cells() {
    }

    /** The domain's refusal on the template's columns ({@code columns}: the domain's fields to them). */
    public static List<ImportRow.Problem> problems(ApiProblem refused, Map<String, String> columns, String rule) {
        Object errors = refused.properties().get("errors");
        List<ImportRow.Problem> problems = new ArrayList<>();
        if (errors instanceof List<?> list) {
            for (Object error : list) {
                if (error instanceof InvalidInput.FieldError field) {
                    problems.add(new ImportRow.Problem(columns.get(field.field()), field.message(), rule));
                }
            }
        }
        if (problems.isEmpty()) {
            problems.add(new ImportRow.Problem(null, refused.detail(), rule));
        }
        return problems;
    }

    public static String required(Line line, String column, String label, List<ImportRow.Problem> problems) {
        String value = line.get(column);
        if (value == null) {
            problems.add(new ImportRow.Problem(label, "obligatoire", null));
        }
        return value;
    }

    /** Free text of at most {@code max} characters. */
    public static String text(Line line, String column, String label, int max, boolean required,
            List<ImportRow.Problem> problems) {
        String value = required ? required(line, column, label, problems) : line.get(column);
        if (value != null && value.length() > max) {
            problems.add(new ImportRow.Problem(label, "au plus " + max + " caractères", null));
            return null;
        }
        return value;
    }

    /** One of {@code labels} (written in any case, with or without accents), or the constant's own name. */
    public static <E extends Enum<E>> E choice(Line line, String column, String label, Map<String, E> labels, Class<E> type,
            boolean required, List<ImportRow.Problem> problems) {
        String value = line.get(column);
        if (value == null) {
            if (required) {
                problems.add(new ImportRow.Problem(label, "obligatoire", null));
            }
            return null;
        }
        String normal = Spreadsheet.normalise(value).replace('_', ' ');
        E found = labels.get(normal);
        if (found == null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    found = constant;
                }
            }
        }
        if (found == null) {
            problems.add(new ImportRow.Problem(label, "« " + abbreviate(value) + " » n'est pas une valeur possible ; possibles : "
                    + String.join(", ", labels.keySet().stream().sorted().toList()), null));
        }
        return found;
    }

    public static Boolean yesNo(Line line, String column, String label, List<ImportRow.Problem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        String normal = Spreadsheet.normalise(value);
        if (List.of("oui", "o", "vrai", "true", "1", "yes").contains(normal)) {
            return true;
        }
        if (List.of("non", "n", "faux", "false", "0", "no").contains(normal)) {
            return false;
        }
        problems.add(new ImportRow.Problem(label, "oui ou non", null));
        return null;
    }

    /** An amount as French spreadsheets write it: {@code 60 000,50 €} or {@code 60000.5}; at most a billion euros. */
    public static BigDecimal money(Line line, String column, String label, List<ImportRow.Problem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        String plain = value.replaceAll("[\\s\u00a0\u202f€]", "").replace(',', '.');
        try {
            BigDecimal amount = new BigDecimal(plain);
            if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0 || amount.scale() > 2) {
                problems.add(new ImportRow.Problem(label, "un montant en euros, positif, au centime près, d'au plus un milliard", null));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(new ImportRow.Problem(label, "« " + abbreviate(value) + " » n'est pas un montant en euros", null));
            return null;
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code bounds} says so in French when it is not. */
    public static Integer whole(Line line, String column, String label, int min, int max, String bounds,
            List<ImportRow.Problem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.replaceAll("\\s", ""));
            if (number < min || number > max) {
                problems.add(new ImportRow.Problem(label, bounds, null));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(new ImportRow.Problem(label, "« " + abbreviate(value) + " » n'est pas un nombre entier", null));
            return null;
        }
    }

    /** A date as a French spreadsheet writes it (15/03/2019), as ISO (2019-03-15), or a spreadsheet's date cell. */
    public static LocalDate date(Line line, String column, String label, List<ImportRow.Problem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        String plain = value.strip();
        try {
            return plain.contains("/") ? LocalDate.parse(plain, FRENCH_DATE) : LocalDate.parse(plain);
        } catch (DateTimeParseException e) {
            problems.add(new ImportRow.Problem(label, "« " + abbreviate(value) + " » n'est pas une date (jj/mm/aaaa)", null));
            return null;
        }
    }

    public static LocalDate requiredDate(Line line, String column, String label, List<ImportRow.Problem> problems) {
        if (line.get(column) == null) {
            problems.add(new ImportRow.Problem(label, "obligatoire", null));
            return null;
        }
        return date(line, column, label, problems);
    }

    public static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
