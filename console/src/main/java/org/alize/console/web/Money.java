package org.alize.console.web;

import java.math.BigDecimal;
import java.util.List;

import org.alize.console.api.ApiException;

/** Amounts typed the French way: « 1 234,56 », « 1234.56 », « 1 234 € ». */
final class Money {

    private Money() {
    }

    static BigDecimal parse(String typed, String field) {
        String cleaned = typed == null ? "" : typed.replace("€", "").replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        try {
            BigDecimal value = new BigDecimal(cleaned);
            if (value.signum() <= 0 || value.scale() > 2) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Requête invalide", "Montant invalide : « " + typed
                    + " ». Saisissez un montant positif en euros, par exemple 650,00.",
                    List.of(new ApiException.FieldError(field, "montant positif en euros, deux décimales au plus")));
        }
    }
}
