package org.alize.testing;

/** Fictional SIRETs for tests and demo data: thirteen digits of one's choosing and the Luhn key that makes them valid. */
public final class FictionalSiret {

    private FictionalSiret() {
    }

    /** The fourteen-digit SIRET whose first thirteen digits are {@code base}, zero-padded, with its Luhn key. */
    public static String of(long base) {
        String digits = String.format("%013d", base);
        for (int key = 0; key <= 9; key++) {
            String candidate = digits + key;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Luhn key for " + digits);
    }

    private static boolean luhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
