package org.alize.basin.scheme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.alize.basin.events.SupportSchemeRecorded;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A local support scheme ALIZÉ works beside. */
@Document("support_schemes")
public class SupportScheme extends AggregateRoot {

    public enum Kind {
        PFIL, RESEAU_ENTREPRENDRE, SPL, FRANCE_ACTIVE, BPIFRANCE, OTHER
    }

    /** What the register says of a scheme. */
    public record Details(String name, Kind kind, String description, String contactName, String contactEmail,
            String contactPhone, String website) {
    }

    @Id
    private final String id;
    private Details details;
    private boolean active;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    SupportScheme(String id, Details details, boolean active, List<HistoryEntry> history) {
        this.id = id;
        this.details = details;
        this.active = active;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    public static SupportScheme register(BasinId basin, String id, Details details, Instant at, String by) {
        SupportScheme scheme = new SupportScheme(id, checked(details), true, List.of());
        scheme.belongsTo(basin);
        scheme.log("REGISTERED", at, by, null);
        return scheme;
    }

    public void update(Details changed, Instant at, String by) {
        if (!active) {
            throw new Conflict("scheme.retired", details.name() + " n'est plus au registre.");
        }
        this.details = checked(changed);
        log("UPDATED", at, by, null);
    }

    public void retire(String reason, Instant at, String by) {
        if (!active) {
            throw new Conflict("scheme.retired", details.name() + " n'est déjà plus au registre.");
        }
        this.active = false;
        log("RETIRED", at, by, reason);
    }

    private static Details checked(Details details) {
        if (details == null || details.name() == null || details.name().isBlank()) {
            throw InvalidInput.field("name", "le nom du dispositif est obligatoire");
        }
        if (details.kind() == null) {
            throw InvalidInput.field("kind", "le type de dispositif est obligatoire");
        }
        // shown as a link to every member of the basin: a web address, never a script or another scheme
        if (details.website() != null && !details.website().matches("https?://[^\\s<>\"]+")) {
            throw InvalidInput.field("website", "une adresse web commençant par https:// (ou http://)");
        }
        return details;
    }

    private void log(String action, Instant at, String by, String detail) {
        history.add(new HistoryEntry(action, at, by, detail));
        raise(new SupportSchemeRecorded(basin().value(), id, details.name(), details.kind().name(),
                details.description(), active, at, by));
    }

    public String id() {
        return id;
    }

    public Details details() {
        return details;
    }

    public boolean active() {
        return active;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
