package org.alize.basin.operator;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface LocalOperatorRepository extends MongoRepository<LocalOperator, String> {
}
