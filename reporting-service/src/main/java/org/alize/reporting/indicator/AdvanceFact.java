package org.alize.reporting.indicator;

import static org.alize.reporting.indicator.Reading.day;
import static org.alize.reporting.indicator.Reading.list;
import static org.alize.reporting.indicator.Reading.map;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A repayable advance ({@link Facts#ADVANCES}, R-30, R-31): its schedules (the opening one and each rescheduling, by
 * the day it took effect) and its movements, each of its own business day.
 */
public record AdvanceFact(@Nullable String projectId, BigDecimal granted, TreeMap<String, List<Instalment>> schedules,
        List<Movement> disbursements, List<Movement> repayments, List<Movement> reversals, List<Movement> writeOffs,
        List<Movement> recoveries) {

    public static final String PROJECT_ID = "projectId";
    public static final String GRANTED = "granted";
    /** Keyed by the day a schedule took effect; the opening one under {@link #OPENING_SCHEDULE}. */
    public static final String SCHEDULES = "schedules";
    /** Sorts before any day. */
    public static final String OPENING_SCHEDULE = "0000-opened";
    public static final String DISBURSEMENTS = "disbursements";
    public static final String REPAYMENTS = "repayments";
    public static final String REVERSALS = "reversals";
    public static final String WRITE_OFFS = "writeOffs";
    public static final String RECOVERIES = "recoveries";
    public static final List<String> MOVEMENTS = List.of(DISBURSEMENTS, REPAYMENTS, REVERSALS, WRITE_OFFS, RECOVERIES);

    public AdvanceFact {
        schedules = new TreeMap<>(schedules);
        disbursements = List.copyOf(disbursements);
        repayments = List.copyOf(repayments);
        reversals = List.copyOf(reversals);
        writeOffs = List.copyOf(writeOffs);
        recoveries = List.copyOf(recoveries);
    }

    /** An amount of money on a business day. */
    public record Movement(@Nullable LocalDate on, BigDecimal amount) {

        public static final String ON = "on";
        public static final String AMOUNT = "amount";

        static Movement read(Document d) {
            return new Movement(day(d.get(ON)), Reading.amount(d.get(AMOUNT)));
        }
    }

    /** An instalment of a schedule. */
    public record Instalment(@Nullable LocalDate dueOn, BigDecimal amount) {

        public static final String DUE_ON = "dueOn";
        public static final String AMOUNT = "amount";
    }

    public static AdvanceFact read(Document d) {
        TreeMap<String, List<Instalment>> schedules = new TreeMap<>();
        map(d, SCHEDULES).forEach((effective, instalments) -> schedules.put(effective, list(instalments).stream()
                .map(i -> new Instalment(day(i.get(Instalment.DUE_ON)), Reading.amount(i.get(Instalment.AMOUNT)))).toList()));
        return new AdvanceFact(d.getString(PROJECT_ID), Reading.amount(d.get(GRANTED)), schedules, movements(d, DISBURSEMENTS),
                movements(d, REPAYMENTS), movements(d, REVERSALS), movements(d, WRITE_OFFS), movements(d, RECOVERIES));
    }

    private static List<Movement> movements(Document d, String field) {
        return map(d, field).values().stream().map(m -> Movement.read((Document) m)).toList();
    }

    /** Every business day the advance's movements are dated. */
    public List<@Nullable LocalDate> days() {
        return java.util.stream.Stream.of(disbursements, repayments, reversals, writeOffs, recoveries)
                .flatMap(List::stream).<@Nullable LocalDate>map(Movement::on).toList();
    }

    /** What the schedule in force on {@code date} made due before it. */
    public BigDecimal dueBefore(LocalDate date) {
        return schedules.keySet().stream().filter(k -> k.startsWith("0000") || !LocalDate.parse(k).isAfter(date))
                .max(Comparator.naturalOrder()).map(schedules::get).orElse(List.of()).stream()
                .filter(i -> i.dueOn() != null && i.dueOn().isBefore(date)).map(Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of {@code movements} dated on or before {@code date}. */
    public static BigDecimal upTo(List<Movement> movements, LocalDate date) {
        return movements.stream().filter(m -> m.on() != null && !m.on().isAfter(date)).map(Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of {@code movements} dated within {@code span}. */
    public static BigDecimal within(List<Movement> movements, Span span) {
        return movements.stream().filter(m -> span.contains(m.on())).map(Movement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Repaid up to {@code date}, net of the repayments reversed by then. */
    public BigDecimal repaidUpTo(LocalDate date) {
        return upTo(repayments, date).subtract(upTo(reversals, date));
    }
}
