package org.alize.basin.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.alize.basin.events.OrganisationRecorded;
import org.alize.kernel.HistoryEntry;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.messaging.outbox.AggregateRoot;
import org.alize.tenancy.BasinId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organisation of a basin (one document in the basin's database). */
@Document("organisations")
public class Organisation extends AggregateRoot {

    @Id
    private final String id;
    @Indexed
    private final OrganisationKind kind;
    private Profile profile;
    private boolean active;
    private final List<HistoryEntry> history;

    @PersistenceCreator
    Organisation(String id, OrganisationKind kind, Profile profile, boolean active, List<HistoryEntry> history) {
        this.id = id;
        this.kind = kind;
        this.profile = profile;
        this.active = active;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    /** Everything about an organisation but its kind, which never changes. */
    public record Profile(String name, String siret, String nafCode, SizeClass sizeClass, AssociatedKind associatedKind,
            FunderKind funderKind, List<Skill> skills, Address address) {

        public Profile {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    public static Organisation join(BasinId basin, String id, OrganisationKind kind, Profile profile, Instant at, String by) {
        if (kind == null) {
            throw InvalidInput.field("kind", "le type d'organisation est obligatoire");
        }
        Organisation organisation = new Organisation(id, kind, null, true, List.of());
        organisation.belongsTo(basin);
        organisation.profile = organisation.checked(profile);
        organisation.record("JOINED", at, by, organisation.profile.name());
        return organisation;
    }

    public void update(Profile changed, Instant at, String by) {
        requireActive();
        this.profile = checked(changed);
        record("UPDATED", at, by, null);
    }

    /** The organisation leaves the partnership; it stays on record, and past pledges keep their meaning. */
    public void withdraw(String reason, Instant at, String by) {
        requireActive();
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.field("reason", "le motif est obligatoire");
        }
        this.active = false;
        record("WITHDRAWN", at, by, reason.strip());
    }

    /** Its line in the R-13 resource profile. */
    public ResourceCategory resourceCategory() {
        return switch (kind) {
            case PARTNER_COMPANY -> ResourceCategory.COMPANIES;
            case ASSOCIATED_PARTNER, OPERATOR_BODY -> ResourceCategory.TERRITORIAL_ACTORS;
            case PUBLIC_FUNDER -> profile.funderKind() == FunderKind.LOCAL_AUTHORITY
                    ? ResourceCategory.LOCAL_AUTHORITIES : ResourceCategory.STATE_AND_CDC;
        };
    }

    private Profile checked(Profile p) {
        if (p == null || p.name() == null || p.name().isBlank()) {
            throw InvalidInput.field("name", "le nom de l'organisation est obligatoire");
        }
        if (p.siret() != null && !p.siret().isBlank() && !Siret.isValid(p.siret())) {
            throw InvalidInput.field("siret", "SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle");
        }
        if (p.nafCode() != null && !p.nafCode().isBlank() && !p.nafCode().matches("^\\d{2}\\.\\d{2}[A-Z]$")) {
            throw InvalidInput.field("nafCode", "code NAF invalide (format 25.62B)");
        }
        switch (kind) {
            case PARTNER_COMPANY -> {
                if (p.siret() == null || p.siret().isBlank()) {
                    throw InvalidInput.field("siret", "le SIRET d'une entreprise partenaire est obligatoire");
                }
                if (p.sizeClass() == null) {
                    throw InvalidInput.field("sizeClass", "la taille de l'entreprise est obligatoire");
                }
            }
            case ASSOCIATED_PARTNER -> {
                if (p.associatedKind() == null) {
                    throw InvalidInput.field("associatedKind", "le type de partenaire associé est obligatoire");
                }
            }
            case PUBLIC_FUNDER -> {
                if (p.funderKind() == null) {
                    throw InvalidInput.field("funderKind", "le type de financeur public est obligatoire");
                }
            }
            case OPERATOR_BODY -> {
                // a name is enough
            }
        }
        if (kind != OrganisationKind.PARTNER_COMPANY && !p.skills().isEmpty()) {
            throw InvalidInput.field("skills", "seules les entreprises partenaires proposent des mises à disposition de compétences");
        }
        return new Profile(p.name().strip(), blankToNull(p.siret()), blankToNull(p.nafCode()),
                kind == OrganisationKind.PARTNER_COMPANY ? p.sizeClass() : null,
                kind == OrganisationKind.ASSOCIATED_PARTNER ? p.associatedKind() : null,
                kind == OrganisationKind.PUBLIC_FUNDER ? p.funderKind() : null, p.skills(), p.address());
    }

    private void requireActive() {
        if (!active) {
            throw new Conflict("organisation.withdrawn", profile.name() + " s'est retirée du partenariat : sa fiche est figée.");
        }
    }

    private void record(String action, Instant at, String by, String detail) {
        history.add(new HistoryEntry(action, at, by, detail));
        raise(new OrganisationRecorded(basin().value(), id, kind.name(), profile.name(), profile.siret(),
                profile.nafCode(), name(profile.sizeClass()), name(profile.associatedKind()), name(profile.funderKind()),
                resourceCategory().name(), profile.skills().stream()
                        .map(s -> new OrganisationRecorded.Skill(s.domain(), s.indicativeDaysPerYear())).toList(),
                active, at, by));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String id() {
        return id;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public Profile profile() {
        return profile;
    }

    public String name() {
        return profile.name();
    }

    public boolean active() {
        return active;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
