package org.alize.project.session;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SessionRepository extends MongoRepository<CommitteeSession, String> {

    List<CommitteeSession> findByScheduledOnBetweenOrderByScheduledOnAsc(LocalDate from, LocalDate to);

    List<CommitteeSession> findByStatusIn(List<SessionStatus> statuses);

    long countByScheduledOnBetween(LocalDate from, LocalDate to);
}
