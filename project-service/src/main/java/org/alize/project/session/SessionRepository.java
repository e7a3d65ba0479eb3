package org.alize.project.session;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface SessionRepository extends MongoRepository<CommitteeSession, String> {

    /** The sessions of a period, both ends included (a derived « Between » leaves them out: $gt, $lt). */
    @Query("{ 'scheduledOn' : { $gte : ?0, $lte : ?1 } }")
    Page<CommitteeSession> within(LocalDate from, LocalDate to, Pageable page);

    List<CommitteeSession> findByStatusIn(List<SessionStatus> statuses);

    @Query(value = "{ 'scheduledOn' : { $gte : ?0, $lte : ?1 } }", count = true)
    long countWithin(LocalDate from, LocalDate to);
}
