package org.alize.basin.convention;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ConventionRepository extends MongoRepository<PartnershipConvention, String> {

    List<PartnershipConvention> findByStatus(ConventionStatus status);

    List<PartnershipConvention> findAllByOrderByStartsOnDesc();
}
