package org.alize.basin.registry;

import java.util.regex.Pattern;

import org.alize.kernel.problem.InvalidInput;

/** A commune of a basin's perimeter, by its INSEE code (Corsica's 2A/2B included). */
public record Commune(String inseeCode, String name) {

    private static final Pattern INSEE = Pattern.compile("^(\\d{5}|2[AB]\\d{3})$");

    public Commune {
        if (inseeCode == null || !INSEE.matcher(inseeCode).matches()) {
            throw InvalidInput.field("communes.inseeCode", "code INSEE invalide : « " + inseeCode
                    + " » (5 chiffres, ou 2A/2B suivi de 3 chiffres)");
        }
        if (name == null || name.isBlank()) {
            throw InvalidInput.field("communes.name", "le nom de la commune " + inseeCode + " est obligatoire");
        }
        name = name.strip();
    }
}
