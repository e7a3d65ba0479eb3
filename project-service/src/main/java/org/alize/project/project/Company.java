package org.alize.project.project;

import java.time.LocalDate;

/** The SME carrying the project; its SIRET may be absent for a creation not yet registered. */
public record Company(String name, String siret, String nafCode, LocalDate createdOn, Integer headcount, String city) {
}
