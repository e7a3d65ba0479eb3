package org.alize.tenancy.personal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of an erasure order (RGPD art. 17), in every service that takes one.
 *
 * @param request the reference of the person's request in ASTREES' register, such as {@code RGPD-2026-014}: it is
 *                kept in the histories, so never their name
 */
public record ErasureRequest(@NotBlank @Size(max = 40)
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 ._/-]*$",
                message = "lettres, chiffres, espaces, points, tirets et barres obliques seulement") String request) {
}
