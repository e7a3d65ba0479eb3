package org.alize.basin.committee;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SteeringCommitteeRepository extends MongoRepository<SteeringCommittee, String> {
}
