package org.alize.project.basin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.alize.kernel.problem.RuleViolation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** What projects ask of the basin, answered from the replica of the basin in context. */
@Service
public class BasinFacts {

    private final MongoTemplate mongo;

    BasinFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Refuses what only an operating basin does (sessions, decisions, signatures) while the national committee
     * has not validated and activated the basin, or once it is suspended or closed. A basin whose
     * status has not reached this service yet is given the benefit of the doubt.
     */
    public void requireOperating(String what) {
        Replica.Status status = mongo.findById(Replica.Status.ID, Replica.Status.class);
        if (status != null && !"ACTIVE".equals(status.status())) {
            throw new RuleViolation("R-01", "Le bassin n'est pas en activité (statut " + status.status() + ") : "
                    + what + " attend sa validation par le comité national et son activation.");
        }
    }

    public CommitteeOnDate committeeOn(LocalDate date) {
        return CommitteeOnDate.of(mongo.findById(Replica.Committee.ID, Replica.Committee.class), date);
    }

    public Optional<Replica.Person> person(String personId) {
        return Optional.ofNullable(personId).map(id -> mongo.findById(id, Replica.Person.class));
    }

    public Optional<Replica.Organisation> organisation(String organisationId) {
        return Optional.ofNullable(organisationId).map(id -> mongo.findById(id, Replica.Organisation.class));
    }

    public Optional<Replica.Scheme> scheme(String schemeId) {
        return Optional.ofNullable(schemeId).map(id -> mongo.findById(id, Replica.Scheme.class));
    }

    public Optional<Replica.Operator> operator() {
        return Optional.ofNullable(mongo.findById(Replica.Operator.ID, Replica.Operator.class));
    }

    public Optional<Replica.Steering.Chair> steeringChairOn(LocalDate date) {
        return Optional.ofNullable(mongo.findById(Replica.Steering.ID, Replica.Steering.class))
                .flatMap(s -> s.chairs().stream().filter(c -> c.covers(date)).findFirst());
    }

    public List<Replica.Scheme> schemes() {
        return mongo.findAll(Replica.Scheme.class).stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public List<Replica.Organisation> partnerCompanies() {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("kind").is("PARTNER_COMPANY")
                        .and("active").is(true)).with(Sort.by("name")), Replica.Organisation.class);
    }
}
