package org.alize.identity.appointment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.cloudevents.CloudEvent;
import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.PersonErased;
import org.alize.basin.events.PersonRecorded;
import org.alize.basin.events.SteeringCommitteeChanged;
import org.alize.identity.IdentitySettings;
import org.alize.identity.account.Account;
import org.alize.identity.account.AccountAdministration;
import org.alize.identity.account.Accounts;
import org.alize.identity.account.Invitation;
import org.alize.identity.account.InvitationSender;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.personal.PersonalData;
import org.alize.tenancy.personal.PersonalDataScrubber;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Follows the committees of each basin from {@code alize.basin.v1}; see the package documentation. */
@Component
public class Appointments {

    static final String CONSUMER = "appointments";
    private static final Logger log = LoggerFactory.getLogger(Appointments.class);

    @Document("replica_people")
    record Person(@Id String personId, String name, String email, long sequence, String firstName, String lastName,
            boolean erased) {
    }

    /** Who sits where, per person: the latest committee compositions of the basin. */
    @Document("replica_appointments")
    record Seats(@Id String id, Map<String, Set<SeatTerm>> byPerson, long sequence) {
    }

    record SeatTerm(LocalDate from, LocalDate until) {
        boolean currentOrFuture(LocalDate today) {
            return until == null || !until.isBefore(today);
        }
    }

    private final EventConsumer consumer;
    private final MongoTemplate mongo;
    private final PersonalData personal;
    private final PersonalDataScrubber scrubber;
    private final AccountAdministration administration;
    private final Accounts accounts;
    private final InvitationSender sender;
    private final IdentitySettings settings;
    private final Clock clock;

    public Appointments(EventConsumer consumer, MongoTemplate mongo, Accounts accounts, InvitationSender sender,
            IdentitySettings settings, Clock clock, PersonalData personal, PersonalDataScrubber scrubber,
            AccountAdministration administration) {
        this.personal = personal;
        this.scrubber = scrubber;
        this.administration = administration;
        this.consumer = consumer;
        this.mongo = mongo;
        this.accounts = accounts;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @KafkaListener(id = "appointments", topics = BasinEvents.TOPIC, groupId = "${alize.identity.consumer-group:identity-service}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume(CONSUMER, record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        BasinId basin = event.basin();
        Object payload = event.payload();
        if (payload instanceof PersonRecorded p) {
            Person stored = mongo.findById(p.personId(), Person.class);
            if (stored == null || stored.sequence() < event.sequence()) {
                String first = personal.open(p.firstName());
                String last = personal.open(p.lastName());
                if (first == null || last == null) { // sealed with a key since destroyed: a replay after the erasure
                    mongo.save(new Person(p.personId(), PersonalData.ERASED_NAME, null, event.sequence(), null, null, true));
                } else {
                    mongo.save(new Person(p.personId(), first + " " + last, personal.open(p.email()), event.sequence(),
                            first, last, false));
                    follow(basin);
                }
            }
        } else if (payload instanceof PersonErased e) {
            erase(basin, e.personId(), event.sequence());
        } else if (payload instanceof ApprovalCommitteeChanged c) {
            Map<String, Set<SeatTerm>> seats = new LinkedHashMap<>();
            c.members().forEach(m -> seats.computeIfAbsent(m.personId(), id -> new HashSet<>()).add(new SeatTerm(m.from(), m.until())));
            keepSeats(BasinRole.COMMITTEE_MEMBER, seats, event.sequence());
            follow(basin);
        } else if (payload instanceof SteeringCommitteeChanged s) {
            Map<String, Set<SeatTerm>> seats = new LinkedHashMap<>();
            s.chairs().forEach(ch -> seats.computeIfAbsent(ch.personId(), id -> new HashSet<>()).add(new SeatTerm(ch.from(), ch.until())));
            s.members().forEach(m -> seats.computeIfAbsent(m.personId(), id -> new HashSet<>()).add(new SeatTerm(m.from(), m.until())));
            keepSeats(BasinRole.STEERING_MEMBER, seats, event.sequence());
            follow(basin);
        }
    }

    /**
     * An erased person: their account goes with them (or stops following them, if it follows someone else too), then
     * every copy of them in identity's databases — the basin's and the network's — is scrubbed, and the replica marked
     * erased last, so that a consumption cut by a crash runs again with the names still known.
     */
    private void erase(BasinId basin, String personId, long sequence) {
        Person known = mongo.findById(personId, Person.class);
        if (known != null && known.sequence() >= sequence) {
            return;
        }
        Optional<String> login = administration.erasePerson(basin, personId);
        if (known != null && !known.erased()) {
            PersonalDataScrubber.Subject subject = new PersonalDataScrubber.Subject(known.firstName(), known.lastName(),
                    known.email(), null);
            scrubber.scrub(mongo.getDb(), subject, (collection, id) -> collection.equals("replica_people") && personId.equals(id));
            BasinContext.callInNetwork(() -> scrubber.scrub(mongo.getDb(), subject, (collection, id) -> false));
        }
        mongo.save(new Person(personId, PersonalData.ERASED_NAME, null, sequence, null, null, true));
        log.info("person {} of {} erased{}", personId, basin, login.map(l -> ", with account " + l).orElse(""));
    }

    /** Appointments end on their date without an event: every night the roles are brought in line again. */
    public void recheckAll() {
        Set<String> basins = new TreeSet<>();
        accounts.search(null, null, org.springframework.data.domain.PageRequest.of(0, 10_000))
                .forEach(account -> basins.addAll(account.grants().basins().keySet().stream().map(BasinId::value).toList()));
        basins.forEach(basin -> BasinContext.runIn(BasinId.of(basin), () -> follow(BasinId.of(basin))));
    }

    private void keepSeats(BasinRole role, Map<String, Set<SeatTerm>> seats, long sequence) {
        Seats stored = mongo.findById(role.name(), Seats.class);
        if (stored == null || stored.sequence() < sequence) {
            mongo.save(new Seats(role.name(), seats, sequence));
        }
    }

    /** Brings every account of the basin in line with the appointments as last published. */
    void follow(BasinId basin) {
        LocalDate today = BasinCalendar.today(clock);
        Map<String, Set<BasinRole>> wanted = new LinkedHashMap<>();
        for (BasinRole role : List.of(BasinRole.COMMITTEE_MEMBER, BasinRole.STEERING_MEMBER)) {
            Seats seats = mongo.findById(role.name(), Seats.class);
            if (seats != null) {
                seats.byPerson().forEach((person, terms) -> {
                    if (terms.stream().anyMatch(t -> t.currentOrFuture(today))) {
                        wanted.computeIfAbsent(person, p -> EnumSet.noneOf(BasinRole.class)).add(role);
                    }
                });
            }
        }
        wanted.forEach((personId, roles) -> appoint(basin, personId, roles));
        for (Account account : accounts.appointedIn(basin)) {
            String personId = account.people().get(basin.value());
            if (personId == null || !wanted.containsKey(personId)) {
                if (account.followAppointments(basin, personId == null ? "" : personId, Set.of(), clock.instant())) {
                    accounts.save(account);
                }
            }
        }
    }

    private void appoint(BasinId basin, String personId, Set<BasinRole> roles) {
        Optional<Account> linked = accounts.findByPerson(basin, personId);
        Person person = mongo.findById(personId, Person.class);
        if (linked.isEmpty() && (person == null || person.email() == null || person.email().isBlank())) {
            return; // not known yet, or no address to invite: the PersonRecorded event will bring it back here
        }
        Account account = linked.or(() -> accounts.findByEmail(person.email())).orElse(null);
        if (account == null) {
            Invitation.Issued issued = Invitation.issue(clock.instant(), settings.invitations().lifetime());
            account = Account.invite(freeLogin(person.email()), person.name(), person.email(), issued.invitation(),
                    "basin-service", clock.instant());
            account.followAppointments(basin, personId, roles, clock.instant());
            Account created = accounts.insert(account);
            sender.send(created, sender.link(issued.token()));
            log.info("invited {} appointed in {} as {}", created.login(), basin, roles);
            return;
        }
        if (account.followAppointments(basin, personId, roles, clock.instant())) {
            accounts.save(account);
        }
    }

    /** {@code prenom.nom} from the address, made unique with a number when taken. */
    private String freeLogin(String email) {
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z]+", "");
        String base = local.length() < 3 ? "compte-" + local : local.substring(0, Math.min(local.length(), 56));
        String login = base;
        for (int n = 2; accounts.find(login).isPresent(); n++) {
            login = base + "-" + n;
        }
        return login;
    }
}
