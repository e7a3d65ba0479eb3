package org.alize.basin.organisation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.Ids;
import org.alize.tenancy.personal.PersonalDataScrubber;
import org.alize.tenancy.personal.PersonalKeys;
import org.alize.tenancy.web.Paged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Organisations and people of the basin in context. */
@Service
public class OrganisationService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrganisationService.class);

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final MongoTemplate mongo;
    private final PersonalKeys keys;
    private final PersonalDataScrubber scrubber;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, PersonRepository people, MongoTemplate mongo,
            PersonalKeys keys, PersonalDataScrubber scrubber, Clock clock) {
        this.organisations = organisations;
        this.people = people;
        this.mongo = mongo;
        this.keys = keys;
        this.scrubber = scrubber;
        this.clock = clock;
    }

    /** What an erasure did in basin-service: documents rewritten per collection, documents read. */
    public record Erasure(String personId, Instant erasedAt, Map<String, Integer> rewritten, long read) {
    }

    /**
     * Erases a person at their request (RGPD art. 17): their key is destroyed first (what events carry of them no
     * longer opens), then every copy of them in the basin's database is scrubbed, then their own record is anonymised
     * and {@code PersonErased} published for the other services. Each step can run again: a request cut by a crash is
     * sent again and finishes, since the record that names them is anonymised last.
     */
    public Erasure erasePerson(String id, String reference, String by) {
        Person person = person(id);
        if (person.erased()) {
            throw new Conflict("person.erased", "Cette personne a déjà été effacée le "
                    + org.alize.kernel.BasinCalendar.dayOf(person.erasedAt()) + ".");
        }
        BasinId basin = BasinContext.require();
        keys.destroy(basin, id);
        Person.Details d = person.details();
        PersonalDataScrubber.Report report = scrubber.scrub(mongo.getDb(),
                new PersonalDataScrubber.Subject(d.firstName(), d.lastName(), d.email(), d.phone()),
                (collection, documentId) -> collection.equals("people") && id.equals(documentId));
        Instant at = clock.instant();
        person.erase(at, by, reference);
        people.save(person);
        log.info("person {} of {} erased by {} (request {}): {} documents rewritten", id, basin, by, reference, report.total());
        return new Erasure(id, at, report.rewritten(), report.read());
    }

    public Organisation join(OrganisationKind kind, Organisation.Profile profile, String by) {
        return organisations.save(Organisation.join(BasinContext.require(), Ids.next("org"), kind, profile, clock.instant(), by));
    }

    public Organisation update(String id, Organisation.Profile profile, String by) {
        Organisation organisation = organisation(id);
        organisation.update(profile, clock.instant(), by);
        return organisations.save(organisation);
    }

    public Organisation withdraw(String id, String reason, String by) {
        Organisation organisation = organisation(id);
        organisation.withdraw(reason, clock.instant(), by);
        return organisations.save(organisation);
    }

    public Organisation organisation(String id) {
        return organisations.findById(id).orElseThrow(() ->
                new NotFound("organisation.not-found", "Aucune organisation « " + id + " » dans ce bassin."));
    }

    public Paged<Organisation> organisations(OrganisationKind kind, Boolean active, String text, int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        if (kind != null) {
            filters.add(where("kind").is(kind));
        }
        if (active != null) {
            filters.add(where("active").is(active));
        }
        if (text != null && !text.isBlank()) {
            filters.add(where("profile.name").regex(Pattern.quote(text.strip()), "i"));
        }
        return page(filters, Organisation.class, "profile.name", page, size);
    }

    public Person recordPerson(Person.Details details, boolean inActivity, String by) {
        checkAffiliation(details);
        checkEmailFree(details.email(), null);
        return people.save(Person.record(BasinContext.require(), Ids.next("per"), details, inActivity, clock.instant(), by));
    }

    public Person updatePerson(String id, Person.Details details, boolean inActivity, String by) {
        Person person = person(id);
        checkAffiliation(details);
        checkEmailFree(details.email(), id);
        person.update(details, inActivity, clock.instant(), by);
        return people.save(person);
    }

    public Person person(String id) {
        return people.findById(id).orElseThrow(() ->
                new NotFound("person.not-found", "Aucune personne « " + id + " » dans ce bassin."));
    }

    public Paged<Person> people(String organisationId, Boolean inActivity, String text, int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        if (organisationId != null) {
            filters.add(where("details.organisationId").is(organisationId));
        }
        if (inActivity != null) {
            filters.add(where("inActivity").is(inActivity));
        }
        if (text != null && !text.isBlank()) {
            String pattern = Pattern.quote(text.strip());
            filters.add(new Criteria().orOperator(where("details.lastName").regex(pattern, "i"),
                    where("details.firstName").regex(pattern, "i")));
        }
        return page(filters, Person.class, "details.lastName", page, size);
    }

    private <T> Paged<T> page(List<Criteria> filters, Class<T> type, String sortBy, int page, int size) {
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, type);
        List<T> items = mongo.find(query.with(Sort.by(sortBy)).skip((long) page * size).limit(size), type);
        return Paged.of(items, page, size, total, item -> item);
    }

    private void checkAffiliation(Person.Details details) {
        if (details.organisationId() != null) {
            Organisation organisation = organisations.findById(details.organisationId()).orElseThrow(() ->
                    InvalidInput.field("organisationId", "aucune organisation « " + details.organisationId() + " » dans ce bassin"));
            if (!organisation.active()) {
                throw InvalidInput.field("organisationId", organisation.name() + " s'est retirée du partenariat");
            }
        }
    }

    private void checkEmailFree(String email, String personId) {
        if (email == null || email.isBlank()) {
            return;
        }
        people.findByEmail(email.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(other -> !other.id().equals(personId))
                .ifPresent(other -> {
                    throw new Conflict("person.email-taken", "L'adresse " + email + " est déjà celle de " + other.fullName() + ".");
                });
    }

}
