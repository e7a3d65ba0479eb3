package org.alize.basin.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.alize.basin.events.PersonRecorded;
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
    private final List<HistoryEntry> history;

    @PersistenceCreator
    Person(String id, Details details, String email, boolean inActivity, List<HistoryEntry> history) {
        this.id = id;
        this.details = details;
        this.email = email;
        this.inActivity = inActivity;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** Who the person is and whom they represent. */
    public record Details(String firstName, String lastName, String email, String phone, Affiliation affiliation,
            String organisationId, String jobTitle) {
    }

    /** Records a person; the service has checked that the organisation named in {@code details} is in the basin. */
    public static Person record(BasinId basin, String id, Details details, boolean inActivity, Instant at, String by) {
        Person person = new Person(id, null, null, inActivity, List.of());
        person.belongsTo(basin);
        person.apply(details);
        person.log("RECORDED", at, by, null);
        return person;
    }

    public void update(Details changed, boolean nowInActivity, Instant at, String by) {
        boolean activityChanged = nowInActivity != inActivity;
        apply(changed);
        this.inActivity = nowInActivity;
        log("UPDATED", at, by, activityChanged ? (nowInActivity ? "de nouveau en activité" : "n'est plus en activité") : null);
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
