package org.alize.basin.scheme;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SupportSchemeRepository extends MongoRepository<SupportScheme, String> {

    List<SupportScheme> findAllByOrderByDetailsNameAsc();
}
