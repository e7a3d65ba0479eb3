package org.alize.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.alize.reporting.indicator.AdvanceFact.Instalment;
import org.alize.reporting.indicator.AdvanceFact.Movement;
import org.alize.reporting.indicator.ProjectFact.DecisionFact;
import org.alize.reporting.indicator.ProjectFact.MeansFact;

/** A basin's typed facts, written in a line each: what the indicator functions' tests are fed. */
final class FactsFixture {

    private final List<ProjectFact> projects = new ArrayList<>();
    private final List<SessionFact> sessions = new ArrayList<>();
    private final List<MeetingFact> meetings = new ArrayList<>();
    private final List<ConventionFact> conventions = new ArrayList<>();
    private final List<AdvanceFact> advances = new ArrayList<>();
    private final List<MoneyFact> money = new ArrayList<>();

    static FactsFixture basin() {
        return new FactsFixture();
    }

    static LocalDate day(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    FactsFixture session(String heldOn, String validatedOn) {
        sessions.add(new SessionFact(day(heldOn), day(validatedOn), 3));
        return this;
    }

    FactsFixture meeting(String heldOn, String kind, boolean operatorPresent) {
        meetings.add(new MeetingFact(kind, day(heldOn), operatorPresent, false));
        return this;
    }

    FactsFixture project(ProjectFact project) {
        projects.add(project);
        return this;
    }

    FactsFixture convention(ConventionFact convention) {
        conventions.add(convention);
        return this;
    }

    FactsFixture advance(AdvanceFact advance) {
        advances.add(advance);
        return this;
    }

    FactsFixture money(String kind, String account, String category, String amount, String on) {
        money.add(new MoneyFact(kind, account, category, euros(amount), day(on)));
        return this;
    }

    BasinFacts facts() {
        return new BasinFacts("b", projects, sessions, meetings, conventions, advances, money);
    }

    /** A project and what happened to it, built a step at a time. */
    static final class Project {

        private final String id;
        private String status = "SUBMITTED";
        private LocalDate submittedOn;
        private LocalDate signedOn;
        private int forecastJobs;
        private final List<DecisionFact> decisions = new ArrayList<>();
        private final List<ProjectFact.Delivery> deliveries = new ArrayList<>();
        private final List<ProjectFact.Report> reports = new ArrayList<>();
        private final List<LocalDate> disbursements = new ArrayList<>();

        private Project(String id) {
            this.id = id;
        }

        static Project project(String id) {
            return new Project(id);
        }

        Project submitted(String on, int jobs) {
            submittedOn = day(on);
            forecastJobs = jobs;
            return this;
        }

        Project decided(String on, String outcome) {
            decisions.add(new DecisionFact(day(on), outcome, false, null, 0));
            return this;
        }

        Project approved(String on, int skillsDays, MeansFact means) {
            decisions.add(new DecisionFact(day(on), DecisionFact.APPROVED, false, means, skillsDays));
            status = "APPROVED";
            return this;
        }

        Project intervention(String on, int skillsDays, MeansFact means) {
            decisions.add(new DecisionFact(day(on), DecisionFact.APPROVED, true, means, skillsDays));
            return this;
        }

        Project signed(String on) {
            signedOn = day(on);
            status = "IN_FOLLOW_UP";
            return this;
        }

        Project status(String value) {
            status = value;
            return this;
        }

        Project delivered(String on, int days, String value) {
            deliveries.add(new ProjectFact.Delivery(day(on), days, euros(value)));
            return this;
        }

        Project reported(String on, int jobs, Integer lasting) {
            reports.add(new ProjectFact.Report(day(on), jobs, lasting));
            return this;
        }

        Project disbursed(String on) {
            disbursements.add(day(on));
            return this;
        }

        ProjectFact fact() {
            return new ProjectFact(id, status, submittedOn, signedOn, forecastJobs, decisions, deliveries, reports, disbursements);
        }
    }

    static MeansFact means(String skills, String inKind, String advance, String loan, String direct) {
        return new MeansFact(euros(skills), euros(inKind), euros(advance), euros(loan), euros(direct));
    }

    static ConventionFact convention(String id, String startsOn, String endsOn, Map<String, BigDecimal> resources,
            int skillsDaysPledged) {
        return new ConventionFact(id, day(startsOn), day(endsOn), resources, skillsDaysPledged, 0, 0, 0, 0, 0, 0);
    }

    /** An advance, built a movement at a time. */
    static final class Advance {

        private final TreeMap<String, List<Instalment>> schedules = new TreeMap<>();
        private final List<Movement> disbursements = new ArrayList<>();
        private final List<Movement> repayments = new ArrayList<>();
        private final List<Movement> reversals = new ArrayList<>();
        private final List<Movement> writeOffs = new ArrayList<>();
        private final List<Movement> recoveries = new ArrayList<>();

        static Advance advance() {
            return new Advance();
        }

        /** A schedule in force from {@code effective} ({@code null}: the opening one), an instalment per pair of arguments. */
        Advance schedule(String effective, String... dueAndAmount) {
            List<Instalment> instalments = new ArrayList<>();
            for (int i = 0; i < dueAndAmount.length; i += 2) {
                instalments.add(new Instalment(day(dueAndAmount[i]), euros(dueAndAmount[i + 1])));
            }
            schedules.put(effective == null ? AdvanceFact.OPENING_SCHEDULE : effective, instalments);
            return this;
        }

        Advance disbursed(String on, String amount) {
            disbursements.add(new Movement(day(on), euros(amount)));
            return this;
        }

        Advance repaid(String on, String amount) {
            repayments.add(new Movement(day(on), euros(amount)));
            return this;
        }

        Advance reversed(String on, String amount) {
            reversals.add(new Movement(day(on), euros(amount)));
            return this;
        }

        Advance writtenOff(String on, String amount) {
            writeOffs.add(new Movement(day(on), euros(amount)));
            return this;
        }

        Advance recovered(String on, String amount) {
            recoveries.add(new Movement(day(on), euros(amount)));
            return this;
        }

        AdvanceFact fact() {
            return new AdvanceFact("p", euros("0"), schedules, disbursements, repayments, reversals, writeOffs, recoveries);
        }
    }
}
