package org.alize.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.NetworkMeetingHeld;
import org.alize.basin.events.PartnershipConventionSigned;
import org.alize.finance.events.AdvanceDisbursed;
import org.alize.finance.events.AdvanceOpened;
import org.alize.finance.events.FinanceEvents;
import org.alize.finance.events.OperatingExpenseRecorded;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.Means;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectEvents;
import org.alize.project.events.ProjectSubmitted;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One basin's year as the upstream services would publish it (a convention, 8 sessions, 15 projects of which
 * 12 approved with advances paid out, expenses, network meetings), sent through Kafka so that the service
 * writes its indicator document itself; the bench then copies that document's shape across the network.
 */
final class TemplateBasin {

    static final String BASIN = "bench-template";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<OutboxEntry> events = new ArrayList<>();
    private final String basin;
    private final int year;

    TemplateBasin(int year) {
        this(BASIN, year);
    }

    TemplateBasin(String basin, int year) {
        this.basin = basin;
        this.year = year;
    }

    /** Publishes this basin's year; returns how many events. */
    int publish(String bootstrapServers) {
        build();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new CloudEventSerializer())) {
            for (OutboxEntry entry : events) {
                producer.send(new ProducerRecord<>(entry.topic(), entry.basinId(), CloudEventPublisher.toCloudEvent(entry)));
            }
            producer.flush();
        }
        return events.size();
    }

    private void build() {
        Instant at = Instant.now();
        LocalDate jan = LocalDate.of(year, 1, 10);
        add(BasinEvents.TOPIC, BasinEvents.BASIN_REGISTERED, new BasinRegistered(basin, "Bassin modèle", "Hauts-de-France",
                List.of(new BasinRegistered.Commune("59606", "Valenciennes")), List.of(), null, "PROPOSED", at, "bench"));
        List<PartnershipConventionSigned.Pledge> pledges = List.of(
                pledge("COMPANIES", "360000.00"), pledge("TERRITORIAL_ACTORS", "180000.00"),
                pledge("LOCAL_AUTHORITIES", "225000.00"), pledge("STATE_AND_CDC", "135000.00"));
        add(BasinEvents.TOPIC, BasinEvents.PARTNERSHIP_CONVENTION_SIGNED, new PartnershipConventionSigned(basin, "conv-1", 1, null,
                LocalDate.of(year - 1, 1, 1), LocalDate.of(year + 1, 12, 31), LocalDate.of(year - 2, 12, 1), pledges,
                new PartnershipConventionSigned.Objectives(6, 10, 15, 12, 75, 225), List.of(), List.of(), List.of(), null, at,
                "bench"));
        for (int s = 1; s <= 8; s++) {
            add(ProjectEvents.TOPIC, ProjectEvents.COMMITTEE_SESSION_HELD, new CommitteeSessionHeld(basin, "s" + s, s,
                    jan.plusDays(40L * s), 9, 8, 5, 2, at, "bench"));
        }
        for (int p = 1; p <= 15; p++) {
            String project = "p" + p;
            LocalDate submitted = jan.plusDays(20L * p);
            LocalDate decided = submitted.plusDays(35 + p);
            add(ProjectEvents.TOPIC, ProjectEvents.PROJECT_SUBMITTED, new ProjectSubmitted(project, "REF-" + p, basin,
                    "Entreprise " + p, null, null, "EXISTING_SME_DEVELOPMENT", 5, null, List.of(), submitted,
                    submitted.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), "bench"));
            boolean approved = p <= 12;
            add(ProjectEvents.TOPIC, ProjectEvents.PROJECT_DECIDED, new ProjectDecided(basin, project, "REF-" + p,
                    "s" + (1 + p % 8), decided, approved ? "APPROVED" : "REJECTED", "motif", 5, null,
                    approved ? new Means(List.of(), List.of(), new Means.Advance(new BigDecimal("15000.00"), 36, 3, "MONTHLY"),
                            null, null) : null, false, 8, List.of(), null, at, "bench", null));
            if (approved) {
                String advance = "adv-" + project;
                add(FinanceEvents.TOPIC, FinanceEvents.ADVANCE_OPENED, new AdvanceOpened(basin, advance, project, "REF-" + p,
                        "Entreprise " + p, "cc-" + project, decided.plusDays(20), new BigDecimal("15000.00"), 36, 3, "MONTHLY",
                        List.of(new AdvanceOpened.Instalment(1, decided.plusMonths(4), new BigDecimal("15000.00"))), at,
                        "bench"));
                add(FinanceEvents.TOPIC, FinanceEvents.ADVANCE_DISBURSED, new AdvanceDisbursed(basin, advance, project,
                        "d-" + project, decided.plusDays(30), new BigDecimal("15000.00"), new BigDecimal("15000.00"),
                        new BigDecimal("15000.00"), at, "bench"));
            }
        }
        add(FinanceEvents.TOPIC, FinanceEvents.OPERATING_EXPENSE_RECORDED, new OperatingExpenseRecorded(basin, "e1",
                "LOCAL_ENGINEERING", new BigDecimal("85000.00"), jan, "animation", "opérateur", at, "bench"));
        for (int m = 1; m <= 3; m++) {
            add(BasinEvents.TOPIC, BasinEvents.NETWORK_MEETING_HELD, new NetworkMeetingHeld(basin, "m" + m, "NETWORK_LIFE",
                    "Vie du réseau", jan.plusMonths(3L * m), true, false, 10, 9, at, "bench"));
        }
    }

    private static PartnershipConventionSigned.Pledge pledge(String category, String total) {
        return new PartnershipConventionSigned.Pledge("org-" + category, category, "COMPANY", category, new BigDecimal(total), 20,
                new BigDecimal("500.00"), new BigDecimal("10000.00"), BigDecimal.ZERO, new BigDecimal(total));
    }

    private void add(String topic, String type, Object payload) {
        events.add(new OutboxEntry(UUID.randomUUID().toString(), topic, type, "/bench", basin, basin, events.size() + 1,
                Instant.now(), JSON.writeValueAsString(payload)));
    }
}
