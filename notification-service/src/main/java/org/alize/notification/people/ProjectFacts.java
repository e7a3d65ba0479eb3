package org.alize.notification.people;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What a mail about a project names: its reference, its SME, and who brought it (the prescriber, a person of the basin). */
@Document("projects")
public record ProjectFacts(@Id String projectId, String reference, String companyName, String prescriberId) {
}
