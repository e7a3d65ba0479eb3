package org.alize.finance.advance;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface AdvanceRepository extends MongoRepository<Advance, String> {
}
