package org.alize.basin.meeting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NetworkMeetingRepository extends MongoRepository<NetworkMeeting, String> {

    List<NetworkMeeting> findByDateBetweenOrderByDateAsc(LocalDate from, LocalDate to);
}
