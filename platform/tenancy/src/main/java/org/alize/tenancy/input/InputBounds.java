package org.alize.tenancy.input;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.alize.kernel.Money;

/**
 * The bounds every input of the platform's APIs stays within, named once. Finer bounds of one field
 * (an advance's duration, a count of jobs) live beside that field; these are the ones that hold for
 * every field of a kind, so that no path can store nonsense whatever a controller forgot to say.
 */
public final class InputBounds {

    /** Nothing the platform records happened before the programme: ALIZÉ began in the early 1990s. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    /**
     * The far end of any date the platform reads, computed ones included (the last instalment of a long
     * advance); a field that must not be in the future, or only near it, says so on its own.
     */
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    /** Euros are kept to the cent: more decimals are refused, never rounded silently. */
    public static final int AMOUNT_SCALE = 2;
    /** The longest free text (a diagnosis, minutes); names and references have tighter caps of their own. */
    public static final int MAX_TEXT_LENGTH = 20_000;
    /** The most items any list of a request holds (a basin's communes are the longest honest one). */
    public static final int MAX_LIST_SIZE = 1_000;
    /**
     * The largest whole number any field takes (a count of jobs, days, months, people; a year): each has a
     * tighter bound of its own, this one keeps 2³¹−1 out of every field a controller forgot to bound.
     */
    public static final int MAX_COUNT = 1_000_000;
    /** The longest search string ({@code q}). */
    public static final int MAX_SEARCH_LENGTH = 200;
    /**
     * The longest query parameter of any other name: an id or a date is short, but the provider's logout
     * carries a signed ID token ({@code id_token_hint}, a kilobyte or two).
     */
    public static final int MAX_PARAMETER_LENGTH = 4_096;
    /** The largest request body a service reads (a partnership convention with its pledges is well under). */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private InputBounds() {
    }

    /**
     * Why a text cannot be stored, if it cannot: control characters (tab and line breaks excepted),
     * bidirectional overrides and isolates (they make a name read differently from what is stored),
     * lone surrogates, or more than {@code maxLength} characters.
     */
    public static Optional<String> textProblem(String text, int maxLength) {
        if (text.length() > maxLength) {
            return Optional.of("au plus " + maxLength + " caractères");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c)) {
                return Optional.of("caractère de contrôle interdit (U+" + hex(c) + ")");
            }
            if (isBidiControl(c)) {
                return Optional.of("caractère de contrôle de sens d'écriture interdit (U+" + hex(c) + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("caractère Unicode incomplet");
            }
            if (c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of("caractère invalide (U+" + hex(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** Why an amount in euros cannot be read, if it cannot: more than two decimals, or beyond ±10 M€. */
    public static Optional<String> amountProblem(BigDecimal amount) {
        if (amount.abs().compareTo(Money.MAX) > 0) {
            return Optional.of("au plus 10 000 000 €");
        }
        if (amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            return Optional.of("un montant en euros a au plus deux décimales");
        }
        return Optional.empty();
    }

    /** Why a whole number cannot be read, if it cannot: beyond ±{@link #MAX_COUNT}. */
    public static Optional<String> countProblem(int value) {
        return Math.abs((long) value) > MAX_COUNT ? Optional.of("au plus 1 000 000") : Optional.empty();
    }

    /** Why a date cannot be read, if it cannot: before the programme or after 2100. */
    public static Optional<String> dateProblem(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE)) {
            return Optional.of("date antérieure au programme (avant le 01/01/1990)");
        }
        if (date.isAfter(LATEST_DATE)) {
            return Optional.of("date trop lointaine (après le 31/12/2100)");
        }
        return Optional.empty();
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
