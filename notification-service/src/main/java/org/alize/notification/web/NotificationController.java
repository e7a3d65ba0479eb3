package org.alize.notification.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.notification.mail.Frequency;
import org.alize.notification.mail.Kind;
import org.alize.notification.mail.Mail;
import org.alize.notification.mail.Notifier;
import org.alize.notification.mail.Preferences;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.personal.PersonalData;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Each person's choices of mails in a basin, and the basin's delivery log for its operator. */
@RestController
@RequestMapping("/api/basins/{basinId}/notifications")
@Tag(name = "Courriels", description = "Les courriels envoyés aux personnes du bassin : les préférences de chacun (tout de "
        + "suite, résumé hebdomadaire le lundi matin, ou jamais, par sorte de courriel) et le journal des envois.")
class NotificationController {

    record KindView(Kind kind, String label, String description) {
    }

    record FrequencyView(Frequency frequency, String label) {
    }

    record Catalogue(List<KindView> kinds, List<FrequencyView> frequencies) {
    }

    record Choice(Kind kind, String label, String description, Frequency frequency) {
    }

    record PreferencesView(String personId, List<Choice> choices, Instant updatedAt) {
    }

    /** The choices to change: {@code {"PROJECT_DECISION": "WEEKLY"}}; kinds not named keep theirs. */
    record PreferencesInput(Map<String, String> choices) {
    }

    /**
     * A mail as the log shows it: to whom, about what, where it stands; never its body. An SME head's address is kept
     * sealed with their key: shown opened, null once they were erased.
     */
    record MailView(String id, String recipientId, String to, Kind kind, String subject, Mail.Status status,
            String statusLabel, int attempts, String lastError, Instant createdAt, Instant sentAt) {

        static MailView of(Mail m, PersonalData personal) {
            return new MailView(m.id(), m.recipientId(), personal.open(m.to()), m.kind(), m.subject(), m.status(), m.status().label(),
                    m.attempts(), m.lastError(), m.createdAt(), m.sentAt());
        }
    }

    private final MongoTemplate mongo;
    private final Notifier notifier;
    private final Clock clock;
    private final PersonalData personal;

    NotificationController(MongoTemplate mongo, Notifier notifier, Clock clock, PersonalData personal) {
        this.personal = personal;
        this.mongo = mongo;
        this.notifier = notifier;
        this.clock = clock;
    }

    @GetMapping("/kinds")
    @Operation(summary = "Les sortes de courriels et les fréquences possibles")
    Catalogue kinds(@PathVariable String basinId) {
        return new Catalogue(Kind.CHOSEN.stream().map(k -> new KindView(k, k.label(), k.description())).toList(),
                Arrays.stream(Frequency.values()).map(f -> new FrequencyView(f, f.label())).toList());
    }

    @GetMapping("/preferences")
    @Operation(summary = "Mes préférences de courriels dans ce bassin (celles de la personne que mon compte y représente)")
    PreferencesView preferences(@PathVariable String basinId) {
        return view(notifier.preferences(me()));
    }

    @PutMapping("/preferences")
    @Operation(summary = "Changer mes préférences : pour chaque sorte nommée, IMMEDIATE, WEEKLY ou NONE")
    PreferencesView choose(@PathVariable String basinId, @RequestBody PreferencesInput input) {
        String personId = me();
        Map<String, String> asked = input == null || input.choices() == null ? Map.of() : input.choices();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (asked.isEmpty()) {
            errors.add(new InvalidInput.FieldError("choices", "au moins une sorte de courriel et sa fréquence"));
        }
        if (asked.size() > Kind.CHOSEN.size()) {
            throw new InvalidInput("Préférences non enregistrées : voyez les champs en erreur.", List.of(
                    new InvalidInput.FieldError("choices", "au plus une fréquence par sorte de courriel ("
                            + Kind.CHOSEN.size() + " sortes)")));
        }
        Map<Kind, Frequency> choices = new EnumMap<>(Kind.class);
        choices.putAll(notifier.preferences(personId).choices());
        for (Map.Entry<String, String> entry : asked.entrySet()) {
            String field = "choices." + (entry.getKey() == null ? "" : entry.getKey().strip());
            if (field.length() > 60) {
                field = field.substring(0, 60);
            }
            Kind kind = parse(Kind.class, entry.getKey());
            Frequency frequency = parse(Frequency.class, entry.getValue());
            if (kind == null || !Kind.CHOSEN.contains(kind)) {
                errors.add(new InvalidInput.FieldError(field, "sorte de courriel inconnue ; possibles : "
                        + Kind.CHOSEN));
            } else if (frequency == null) {
                errors.add(new InvalidInput.FieldError(field, "fréquence inconnue ; possibles : IMMEDIATE, WEEKLY, NONE"));
            } else {
                choices.put(kind, frequency);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("Préférences non enregistrées : voyez les champs en erreur.", errors);
        }
        return view(mongo.save(new Preferences(personId, choices, clock.instant(), CurrentGrants.subject())));
    }

    @GetMapping("/mails")
    @RequiresBasinRole(BasinRole.OPERATOR)
    @Operation(summary = "Le journal des courriels du bassin, les plus récents d'abord, par page (au plus 200)")
    Paged<MailView> mails(@PathVariable String basinId, @RequestParam(required = false) Mail.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        Query query = status == null ? new Query() : new Query(where("status").is(status));
        return Paged.query(mongo, query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))), Mail.class, page,
                size, m -> MailView.of(m, personal));
    }

    /** The person the caller's account stands for in this basin (the token's {@code people} claim). */
    private static String me() {
        BasinId basin = BasinContext.require();
        return CurrentGrants.get().personIn(basin).orElseThrow(() -> new NotFound("notification.no-person",
                "Votre compte ne correspond à aucune personne du bassin " + basin + " : il n'y reçoit pas de courriels."));
    }

    private static PreferencesView view(Preferences preferences) {
        return new PreferencesView(preferences.personId(), preferences.all().entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getKey().label(), e.getKey().description(), e.getValue())).toList(),
                preferences.updatedAt());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.length() > 40) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
