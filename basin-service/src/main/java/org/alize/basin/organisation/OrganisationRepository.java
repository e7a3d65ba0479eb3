package org.alize.basin.organisation;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrganisationRepository extends MongoRepository<Organisation, String> {

    List<Organisation> findByKindAndActiveTrue(OrganisationKind kind);
}
