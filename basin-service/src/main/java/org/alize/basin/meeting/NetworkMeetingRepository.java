package org.alize.basin.meeting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface NetworkMeetingRepository extends MongoRepository<NetworkMeeting, String> {

    /** The meetings of a period, both ends included (a derived « Between » leaves them out: $gt, $lt). */
    @Query(value = "{ 'date' : { $gte : ?0, $lte : ?1 } }", sort = "{ 'date' : 1 }")
    List<NetworkMeeting> within(LocalDate from, LocalDate to);

    @Query("{ 'date' : { $gte : ?0, $lte : ?1 } }")
    Page<NetworkMeeting> within(LocalDate from, LocalDate to, Pageable page);
}
