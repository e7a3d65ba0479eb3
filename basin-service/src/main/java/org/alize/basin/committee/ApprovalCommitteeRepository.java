package org.alize.basin.committee;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ApprovalCommitteeRepository extends MongoRepository<ApprovalCommittee, String> {
}
