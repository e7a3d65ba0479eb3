package org.alize.notification.occasion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.alize.kernel.BasinCalendar;
import org.alize.kernel.ProgrammeReferences;
import org.alize.messaging.ReceivedEvent;
import org.alize.notification.NotificationSettings;
import org.alize.notification.mail.Kind;
import org.alize.notification.mail.Notifier;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.FollowUpReportFiled;
import org.alize.project.events.ProjectStatusChanged;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The mandatary's half-yearly follow-up report: a reminder 15 days before it is due and another the day after,
 * if it has not been filed. Each project followed keeps its last report's date (the convention's signature before the
 * first) in the basin's database; the two reminders of its next due date wait in the network's {@code reminders}, due
 * at 8:00 Paris time, so that the work of a day follows the reminders due, not the projects followed. A reminder that
 * fires for a report since filed, or for a project since closed, sends nothing.
 */
@Component
class FollowUpReminders {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final int DAYS_BEFORE = 15;
    /** An overdue reminder older than this is not sent (a report due long ago is the operator's business by now). */
    static final int STALE_DAYS = 60;
    private static final Set<String> ENDED = Set.of("CLOSED", "ABANDONED", "WITHDRAWN", "REJECTED");
    private static final Logger log = LoggerFactory.getLogger(FollowUpReminders.class);

    /** A project followed: who reports, and since when. */
    @Document("followups")
    record FollowUp(@Id String projectId, String reference, String companyName, String mandataryId, LocalDate lastReportOn,
            boolean ended) {

        LocalDate nextDue() {
            return lastReportOn.plusMonths(ProgrammeReferences.R25_REPORT_EVERY_MONTHS);
        }
    }

    /** One reminder of one due date of one project. */
    @Document("reminders")
    record Reminder(@Id String id, String basinId, String projectId, LocalDate dueOn, boolean overdue, Instant fireAt) {
    }

    private final MongoTemplate mongo;
    private final Notifier notifier;
    private final NotificationSettings settings;
    private final Clock clock;
    private final ReminderQueue queue;

    FollowUpReminders(MongoTemplate mongo, Notifier notifier, NotificationSettings settings, Clock clock, ReminderQueue queue) {
        this.queue = queue;
        this.mongo = mongo;
        this.notifier = notifier;
        this.settings = settings;
        this.clock = clock;
    }

    void apply(ReceivedEvent<?> event) {
        if (event.payload() instanceof CooperationConventionSigned s) {
            FollowUp known = mongo.findById(s.projectId(), FollowUp.class);
            LocalDate last = known == null || known.lastReportOn().isBefore(s.signedOn()) ? s.signedOn() : known.lastReportOn();
            keep(new FollowUp(s.projectId(), s.reference(), s.companyName(), s.mandataryId(), last,
                    known != null && known.ended()));
        } else if (event.payload() instanceof FollowUpReportFiled f) {
            FollowUp known = mongo.findById(f.projectId(), FollowUp.class);
            if (known != null && f.reportedOn().isAfter(known.lastReportOn())) {
                keep(new FollowUp(known.projectId(), known.reference(), known.companyName(), known.mandataryId(),
                        f.reportedOn(), known.ended()));
            }
        } else if (event.payload() instanceof ProjectStatusChanged c && ENDED.contains(c.status())) {
            FollowUp known = mongo.findById(c.projectId(), FollowUp.class);
            if (known != null && !known.ended()) {
                mongo.save(new FollowUp(known.projectId(), known.reference(), known.companyName(), known.mandataryId(),
                        known.lastReportOn(), true));
            }
        }
    }

    private void keep(FollowUp followUp) {
        mongo.save(followUp);
        if (followUp.ended()) {
            return;
        }
        BasinId basin = BasinContext.require();
        LocalDate due = followUp.nextDue();
        schedule(basin, followUp.projectId(), due, false, at(due.minusDays(DAYS_BEFORE)));
        schedule(basin, followUp.projectId(), due, true, at(due.plusDays(1)));
    }

    private void schedule(BasinId basin, String projectId, LocalDate due, boolean overdue, Instant fireAt) {
        String id = basin.value() + "/" + projectId + "/" + due + (overdue ? "/overdue" : "/soon");
        BasinContext.callInNetwork(() -> mongo.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("basinId", basin.value()).setOnInsert("projectId", projectId).setOnInsert("dueOn", due)
                .setOnInsert("overdue", overdue).setOnInsert("fireAt", fireAt), Reminder.class));
    }

    static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(8, 0)).atZone(PARIS).toInstant();
    }

    @Scheduled(fixedDelayString = "${alize.notification.reminder-interval:PT1M}", initialDelayString = "PT15S")
    void fireDue() {
        try {
            queue.fireDue(Reminder.class, Reminder::id, Reminder::fireAt, Reminder::basinId, this::fire);
        } catch (RuntimeException e) {
            log.warn("follow-up reminders interrupted: {}", e.toString());
        }
    }

    private void fire(Reminder reminder) {
        FollowUp followUp = mongo.findById(reminder.projectId(), FollowUp.class);
        if (followUp == null || followUp.ended() || !followUp.nextDue().equals(reminder.dueOn())) {
            return; // filed since, closed, or its basin purged
        }
        LocalDate today = BasinCalendar.today(clock);
        if (!reminder.overdue() && today.isAfter(reminder.dueOn())) {
            return; // recorded late: the overdue reminder says it
        }
        if (reminder.overdue() && today.isAfter(reminder.dueOn().plusDays(STALE_DAYS))) {
            return; // history entered late, or replayed: the operator's follow-up screens say it, not a mail
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", followUp.reference());
        model.put("companyName", followUp.companyName());
        model.put("dueOn", ProjectOccasions.FRENCH_DAY.format(reminder.dueOn()));
        model.put("overdue", reminder.overdue());
        model.put("link", settings.consoleUrl().resolve("/bassins/" + reminder.basinId() + "/projets/" + followUp.projectId())
                .toString());
        String cause = UUID.nameUUIDFromBytes(("reminder|" + reminder.id()).getBytes(StandardCharsets.UTF_8)).toString();
        notifier.notify(Kind.REPORT_DUE, followUp.mandataryId(), cause, (reminder.overdue() ? "En retard : compte rendu de "
                + "suivi du projet " + followUp.reference() : "Compte rendu de suivi du projet " + followUp.reference()
                + " attendu le " + model.get("dueOn")), model);
    }
}
