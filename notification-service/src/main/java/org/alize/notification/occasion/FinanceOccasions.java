package org.alize.notification.occasion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.alize.finance.events.AdvanceOpened;
import org.alize.finance.events.AdvanceRescheduled;
import org.alize.finance.events.AdvanceWrittenOff;
import org.alize.finance.events.FinanceEvents;
import org.alize.finance.events.RepaymentReceived;
import org.alize.finance.events.RepaymentReversed;
import org.alize.kernel.BasinCalendar;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.notification.NotificationSettings;
import org.alize.notification.mail.Kind;
import org.alize.notification.mail.Notifier;
import org.alize.notification.people.PeopleReplica;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An instalment of an advance left unpaid the day after its due date, to the basin's operator staff. Each advance
 * keeps its schedule and what each repayment paid of which instalment (by repayment id: a repayment received twice
 * counts once, a reversal takes its own back) in the basin's database; the reminder of its next instalment waits in
 * the network's {@code instalment_reminders}, at 8:00 Paris time the day after, sends only if the instalment is still
 * unpaid, its schedule unchanged and the advance not written off, and queues the next instalment's. A schedule already past when it is read (history,
 * a replay) leaves no reminder older than {@value #STALE_DAYS} days.
 */
@Component
class FinanceOccasions {

    static final String CONSUMER = "notification-finance";
    static final int STALE_DAYS = 30;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final Logger log = LoggerFactory.getLogger(FinanceOccasions.class);

    /** An advance followed: its current schedule and the allocations of the repayments received. */
    @Document("advances")
    record Advance(@Id String advanceId, String projectId, String projectReference, String companyName,
            List<AdvanceOpened.Instalment> schedule, Map<String, List<RepaymentReceived.Allocation>> repayments,
            boolean writtenOff) {

        BigDecimal paidOf(int instalment) {
            return repayments.values().stream().flatMap(List::stream).filter(a -> a.instalment() == instalment)
                    .map(RepaymentReceived.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @Document("instalment_reminders")
    record Reminder(@Id String id, String basinId, String advanceId, int instalment, LocalDate dueOn, Instant fireAt) {
    }

    private final EventConsumer consumer;
    private final MongoTemplate mongo;
    private final Notifier notifier;
    private final PeopleReplica people;
    private final NotificationSettings settings;
    private final Clock clock;
    private final ReminderQueue queue;

    FinanceOccasions(EventConsumer consumer, MongoTemplate mongo, Notifier notifier, PeopleReplica people,
            NotificationSettings settings, Clock clock, ReminderQueue queue) {
        this.queue = queue;
        this.consumer = consumer;
        this.mongo = mongo;
        this.notifier = notifier;
        this.people = people;
        this.settings = settings;
        this.clock = clock;
    }

    @KafkaListener(id = "notification-finance", topics = FinanceEvents.TOPIC, groupId = "notification-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume(CONSUMER, record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        if (event.payload() instanceof AdvanceOpened o) {
            Advance known = mongo.findById(o.advanceId(), Advance.class);
            if (known == null) {
                keep(new Advance(o.advanceId(), o.projectId(), o.projectReference(), o.companyName(), o.schedule(), Map.of(),
                        false));
            }
        } else if (event.payload() instanceof RepaymentReceived r) {
            change(r.advanceId(), a -> {
                Map<String, List<RepaymentReceived.Allocation>> repayments = new HashMap<>(a.repayments());
                repayments.put(r.repaymentId(), r.allocations() == null ? List.of() : r.allocations());
                return new Advance(a.advanceId(), a.projectId(), a.projectReference(), a.companyName(), a.schedule(), repayments,
                        a.writtenOff());
            }, false);
        } else if (event.payload() instanceof RepaymentReversed r) {
            change(r.advanceId(), a -> {
                Map<String, List<RepaymentReceived.Allocation>> repayments = new HashMap<>(a.repayments());
                repayments.remove(r.repaymentId());
                return new Advance(a.advanceId(), a.projectId(), a.projectReference(), a.companyName(), a.schedule(), repayments,
                        a.writtenOff());
            }, false);
        } else if (event.payload() instanceof AdvanceRescheduled r) {
            // a new schedule for what is outstanding: the former allocations belong to the former schedule
            change(r.advanceId(), a -> new Advance(a.advanceId(), a.projectId(), a.projectReference(), a.companyName(),
                    r.schedule(), Map.of(), a.writtenOff()), true);
        } else if (event.payload() instanceof AdvanceWrittenOff w) {
            change(w.advanceId(), a -> new Advance(a.advanceId(), a.projectId(), a.projectReference(), a.companyName(),
                    a.schedule(), a.repayments(), true), false);
        }
    }

    private void change(String advanceId, java.util.function.UnaryOperator<Advance> change, boolean newSchedule) {
        Advance known = mongo.findById(advanceId, Advance.class);
        if (known == null) {
            return;
        }
        Advance changed = change.apply(known);
        if (newSchedule) {
            keep(changed);
        } else {
            mongo.save(changed);
        }
    }

    /**
     * Saves the advance and the reminder of its first instalment not already long past: one reminder per advance at a
     * time (each fired reminder queues the next instalment's), so an event touches two documents whatever the length
     * of the schedule.
     */
    private void keep(Advance advance) {
        mongo.save(advance);
        LocalDate oldest = BasinCalendar.today(clock).minusDays(STALE_DAYS);
        advance.schedule().stream().filter(i -> !i.dueOn().isBefore(oldest)).findFirst()
                .ifPresent(first -> remind(BasinContext.require(), advance.advanceId(), first));
    }

    private void remind(BasinId basin, String advanceId, AdvanceOpened.Instalment instalment) {
        String id = basin.value() + "/" + advanceId + "/" + instalment.number() + "/" + instalment.dueOn();
        Instant fireAt = FollowUpReminders.at(instalment.dueOn().plusDays(1));
        BasinContext.callInNetwork(() -> mongo.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("basinId", basin.value()).setOnInsert("advanceId", advanceId)
                .setOnInsert("instalment", instalment.number()).setOnInsert("dueOn", instalment.dueOn())
                .setOnInsert("fireAt", fireAt), Reminder.class));
    }

    @Scheduled(fixedDelayString = "${alize.notification.reminder-interval:PT1M}", initialDelayString = "PT20S")
    void fireDue() {
        try {
            queue.fireDue(Reminder.class, Reminder::id, Reminder::fireAt, Reminder::basinId, this::fire);
        } catch (RuntimeException e) {
            log.warn("instalment reminders interrupted: {}", e.toString());
        }
    }

    private void fire(Reminder reminder) {
        Advance advance = mongo.findById(reminder.advanceId(), Advance.class);
        if (advance == null || advance.writtenOff()) {
            return;
        }
        AdvanceOpened.Instalment instalment = advance.schedule().stream().filter(i -> i.number() == reminder.instalment()
                && i.dueOn().equals(reminder.dueOn())).findFirst().orElse(null);
        if (instalment == null) {
            return; // rescheduled since: the new schedule has its own reminder
        }
        advance.schedule().stream().filter(i -> i.dueOn().isAfter(instalment.dueOn())
                        || (i.dueOn().equals(instalment.dueOn()) && i.number() > instalment.number())).findFirst()
                .ifPresent(next -> remind(BasinId.of(reminder.basinId()), advance.advanceId(), next));
        if (BasinCalendar.today(clock).isAfter(reminder.dueOn().plusDays(STALE_DAYS))) {
            return; // long past
        }
        BigDecimal unpaid = instalment.amount().subtract(advance.paidOf(instalment.number())).setScale(2, RoundingMode.HALF_UP);
        if (unpaid.compareTo(CENT) < 0) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", advance.projectReference());
        model.put("companyName", advance.companyName());
        model.put("number", instalment.number());
        model.put("dueOn", ProjectOccasions.FRENCH_DAY.format(instalment.dueOn()));
        model.put("amount", euros(instalment.amount()));
        model.put("unpaid", euros(unpaid));
        model.put("link", settings.consoleUrl().resolve("/bassins/" + reminder.basinId() + "/avances/" + advance.advanceId())
                .toString());
        String cause = UUID.nameUUIDFromBytes(("instalment|" + reminder.id()).getBytes(StandardCharsets.UTF_8)).toString();
        String subject = "Échéance impayée : avance du projet " + advance.projectReference() + " (" + euros(unpaid) + ")";
        people.operatorStaff().forEach(staff -> notifier.notify(Kind.INSTALMENT_OVERDUE, staff.personId(), cause, subject,
                model));
    }

    static String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
