package org.alize.basin.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.alize.basin.events.PersonErased;
import org.alize.basin.events.PersonRecorded;
import org.alize.kernel.BasinCalendar;
import org.alize.kernel.problem.Conflict;
import org.alize.tenancy.personal.PersonalData;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.InvalidInput;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person of a basin: a representative of an organisation, of ASTREES or of the prefecture. */
@Document("people")
public class Person extends AggregateRoot {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Id
    private final String id;
    private Details details;
    @Indexed(unique = true, sparse = true)
    private String email;
    private boolean inActivity;
    /** When the person was erased at their request (RGPD art. 17); null while they are not. */
    private Instant erasedAt;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    Person(String id, Details details, String email, boolean inActivity, Instant erasedAt, List<HistoryEntry> history) {
        this.id = id;
        this.details = details;
        this.email = email;
        this.inActivity = inActivity;
        this.erasedAt = erasedAt;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** Who the person is and whom they represent. */
    public record Details(String firstName, String lastName, String email, String phone, Affiliation affiliation,
            String organisationId, String jobTitle) {
    }

    /** Records a person; the service has checked that the organisation named in {@code details} is in the basin. */
    public static Person record(BasinId basin, String id, Details details, boolean inActivity, Instant at, String by) {
        Person person = new Person(id, null, null, inActivity, null, List.of());
        person.belongsTo(basin);
        person.apply(details);
        person.log("RECORDED", at, by, null);
        return person;
    }

    public void update(Details changed, boolean nowInActivity, Instant at, String by) {
        refuseIfErased();
        boolean activityChanged = nowInActivity != inActivity;
        apply(changed);
        this.inActivity = nowInActivity;
        log("UPDATED", at, by, activityChanged ? (nowInActivity ? "de nouveau en activité" : "n'est plus en activité") : null);
    }

    /**
     * Erases the person at their request: what identified them goes (names, address, phone, job title), what the
     * basin's records need stays (the id the committees and projects refer to, the affiliation); the history keeps
     * that an erasure happened, by whom, not why (the reason may name them). Raises {@link PersonErased}, ids only.
     */
    public void erase(Instant at, String by, String request) {
        refuseIfErased();
        this.details = new Details(PersonalData.ERASED_NAME.split(" ")[0], PersonalData.ERASED_NAME.split(" ")[1], null,
                null, details.affiliation(), details.organisationId(), null);
        this.email = null;
        this.inActivity = false;
        this.erasedAt = at;
        history.add(new HistoryEntry("ERASED", at, by, "données personnelles effacées à la demande de la personne (demande " + request + ")"));
        raise(new PersonErased(basin().value(), id, at, by));
    }

    private void refuseIfErased() {
        if (erasedAt != null) {
            throw new Conflict("person.erased", "Cette personne a été effacée le " + BasinCalendar.dayOf(erasedAt)
                    + " : ses données ne peuvent plus être modifiées.");
        }
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    private void apply(Details d) {
        if (d.firstName() == null || d.firstName().isBlank()) {
            throw InvalidInput.field("firstName", "le prénom est obligatoire");
        }
        if (d.lastName() == null || d.lastName().isBlank()) {
            throw InvalidInput.field("lastName", "le nom est obligatoire");
        }
        String normalisedEmail = d.email() == null || d.email().isBlank() ? null : d.email().strip().toLowerCase(Locale.ROOT);
        if (normalisedEmail != null && !EMAIL.matcher(normalisedEmail).matches()) {
            throw InvalidInput.field("email", "adresse électronique invalide");
        }
        Affiliation affiliation = d.affiliation() == null ? Affiliation.ORGANISATION : d.affiliation();
        if (affiliation == Affiliation.ORGANISATION && (d.organisationId() == null || d.organisationId().isBlank())) {
            throw InvalidInput.field("organisationId", "l'organisation représentée est obligatoire");
        }
        if (affiliation != Affiliation.ORGANISATION && d.organisationId() != null) {
            throw InvalidInput.field("organisationId", "un représentant d'ASTREES ou de la préfecture ne représente pas une organisation du bassin");
        }
        this.details = new Details(d.firstName().strip(), d.lastName().strip(), normalisedEmail, d.phone(), affiliation,
                d.organisationId(), d.jobTitle());
        this.email = normalisedEmail;
    }

    private void log(String action, Instant at, String by, String detail) {
        history.add(new HistoryEntry(action, at, by, detail));
        raise(new PersonRecorded(basin().value(), id, details.firstName(), details.lastName(), email,
                details.phone(), details.organisationId(), details.affiliation().name(), details.jobTitle(), inActivity,
                at, by));
    }

    public String id() {
        return id;
    }

    public Details details() {
        return details;
    }

    public String fullName() {
        return details.firstName() + " " + details.lastName();
    }

    public boolean inActivity() {
        return inActivity;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
