package org.alize.notification.people;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The organisations holding the basin's local operator functions: their people are the operator's staff. */
@Document("operator")
public record OperatorOrganisations(@Id String id, List<String> organisationIds, long sequence) {

    public static final String ID = "operator";

    public OperatorOrganisations {
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
    }
}
