package org.alize.finance.support;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface GrantedSupportRepository extends MongoRepository<GrantedSupport, String> {
}
