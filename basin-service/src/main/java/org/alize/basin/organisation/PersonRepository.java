package org.alize.basin.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PersonRepository extends MongoRepository<Person, String> {

    Optional<Person> findByEmail(String email);

    List<Person> findByDetailsOrganisationId(String organisationId);
}
