package org.alize.basin.operator;

import java.math.BigInteger;
import java.util.Locale;

/** International bank account numbers, checked with their mod-97 key. */
public final class Iban {

    private Iban() {
    }

    /** The IBAN without spaces, upper case. */
    public static String normalise(String iban) {
        return iban == null ? null : iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String iban) {
        String value = normalise(iban);
        if (value == null || !value.matches("^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$")) {
            return false;
        }
        String rearranged = value.substring(4) + value.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
