package org.alize.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.alize.basin.events.BasinRegistered;
import org.alize.basin.events.NetworkMeetingHeld;
import org.alize.basin.events.PartnershipConventionSigned;
import org.alize.finance.events.AdvanceDisbursed;
import org.alize.finance.events.AdvanceOpened;
import org.alize.finance.events.AdvanceWrittenOff;
import org.alize.finance.events.ContributionReceived;
import org.alize.finance.events.LossRecovered;
import org.alize.finance.events.MovementReversed;
import org.alize.finance.events.OperatingExpenseRecorded;
import org.alize.finance.events.RepaymentReceived;
import org.alize.finance.events.RepaymentReversed;
import org.alize.messaging.ReceivedEvent;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.FollowUpReportFiled;
import org.alize.project.events.Means;
import org.alize.project.events.ProjectDecided;
import org.alize.project.events.ProjectSubmitted;
import org.alize.project.events.SessionDecisionsValidated;
import org.alize.project.events.SkillsDelivered;
import org.alize.reporting.intake.IndicatorProjector;
import org.alize.tenancy.BasinId;

/**
 * A small sequence of events for one basin, written as the upstream services would publish them, applied
 * straight to the projector; every applied event is kept so that a test can apply it again or replay all.
 */
final class Story {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private final String basin;
    private final IndicatorProjector projector;
    private final List<ReceivedEvent<?>> applied = new ArrayList<>();
    private int sequence;

    private final boolean deferred;

    Story(String basin, IndicatorProjector projector) {
        this(basin, projector, false);
    }

    private Story(String basin, IndicatorProjector projector, boolean deferred) {
        this.basin = basin;
        this.projector = projector;
        this.deferred = deferred;
    }

    /** A story whose events are only written down, for the test to apply in an order of its own. */
    static Story deferred(String basin, IndicatorProjector projector) {
        return new Story(basin, projector, true);
    }

    List<ReceivedEvent<?>> applied() {
        return applied;
    }

    void replay() {
        List.copyOf(applied).forEach(projector::apply);
    }

    Story apply(String type, Object payload) {
        ReceivedEvent<?> event = new ReceivedEvent<>(basin + "-" + (++sequence), type, "/test", null, BasinId.of(basin),
                sequence, AT.atOffset(ZoneOffset.UTC).plusSeconds(sequence), payload);
        if (!deferred) {
            projector.apply(event);
        }
        applied.add(event);
        return this;
    }

    Story registered(String name) {
        return apply("BasinRegistered", new BasinRegistered(basin, name, "Hauts-de-France",
                List.of(new BasinRegistered.Commune("59606", "Valenciennes")), List.of(), null, "PROPOSED",
                AT, "test"));
    }

    Story convention(String id, LocalDate startsOn, String... categoryAmounts) {
        List<PartnershipConventionSigned.Pledge> pledges = new ArrayList<>();
        for (int i = 0; i < categoryAmounts.length; i += 2) {
            BigDecimal total = new BigDecimal(categoryAmounts[i + 1]);
            pledges.add(new PartnershipConventionSigned.Pledge("org-" + i, "Org " + i, "COMPANY", categoryAmounts[i], total,
                    30, new BigDecimal("500.00"), new BigDecimal("15000.00"), BigDecimal.ZERO, total));
        }
        return apply("PartnershipConventionSigned", new PartnershipConventionSigned(basin, id, 1, null, startsOn,
                startsOn.plusYears(3).minusDays(1), startsOn.minusDays(10), pledges,
                new PartnershipConventionSigned.Objectives(6, 10, 15, 12, 75, 225), List.of(), List.of(), List.of(), null, AT,
                "test"));
    }

    Story meeting(String id, String kind, LocalDate on, boolean operatorPresent) {
        return apply("NetworkMeetingHeld", new NetworkMeetingHeld(basin, id, kind, "Réunion", on, operatorPresent, false, 10, 8,
                AT, "test"));
    }

    Story submitted(String project, LocalDate on, int jobs) {
        return apply("ProjectSubmitted", new ProjectSubmitted(project, "REF-" + project, basin, "Entreprise " + project, null,
                null, "SME", jobs, null, List.of(), on, on.atStartOfDay().toInstant(ZoneOffset.UTC), "test"));
    }

    Story session(String id, LocalDate on, boolean validated) {
        apply("CommitteeSessionHeld", new CommitteeSessionHeld(basin, id, 1, on, 8, 7, 5, 3, AT, "test"));
        return validated ? apply("SessionDecisionsValidated", new SessionDecisionsValidated(basin, id, on.plusDays(3), "p",
                null, AT, "test")) : this;
    }

    /** A decision; approvals grant an advance, one 5-day skills mission worth 2 500 € and 1 000 € in kind. */
    Story decided(String project, String session, LocalDate on, String outcome, int jobs, String advance) {
        Means means = "APPROVED".equals(outcome) ? new Means(List.of(new Means.SkillsMission("m-" + project, "org-0", "Org",
                "RH", 5, new BigDecimal("500.00"), new BigDecimal("2500.00"))), List.of(new Means.InKind("Locaux", "org-1",
                new BigDecimal("1000.00"))), new Means.Advance(new BigDecimal(advance), 24, 0, "MONTHLY"), null, null) : null;
        return apply("ProjectDecided", new ProjectDecided(basin, project, "REF-" + project, session, on, outcome, "motif", jobs,
                null, means, false, 7, List.of(), null, AT, "test", null));
    }

    Story signed(String project, LocalDate on) {
        return apply("CooperationConventionSigned", new CooperationConventionSigned(basin, project, "REF-" + project,
                "cc-" + project, on, "Entreprise", null, null, null, null, null, List.of(), List.of(), List.of(), AT, "test"));
    }

    Story delivered(String project, LocalDate on, int days, String value) {
        return apply("SkillsDelivered", new SkillsDelivered(basin, project, "m-" + project, "org-0", on, days,
                new BigDecimal(value), days, 5, AT, "test"));
    }

    Story reported(String project, String report, LocalDate on, int jobs) {
        return apply("FollowUpReportFiled", new FollowUpReportFiled(basin, project, report, on,
                new FollowUpReportFiled.Jobs(jobs, 0, 0, 0, 0, jobs, jobs), jobs, false, AT, "test"));
    }

    /** A follow-up report with jobs by contract: CDI, CDD of six months or more, shorter CDD, apprenticeships. */
    Story reported(String project, String report, LocalDate on, int permanent, int fixedTerm, int fixedTermShort,
            int apprenticeship) {
        int total = permanent + fixedTerm + fixedTermShort + apprenticeship;
        return apply("FollowUpReportFiled", new FollowUpReportFiled(basin, project, report, on,
                new FollowUpReportFiled.Jobs(permanent, fixedTerm, fixedTermShort, apprenticeship, 0, total,
                        permanent + fixedTerm), total, false, AT, "test"));
    }

    /** An advance opened with monthly instalments of {@code instalment} from {@code firstDue}. */
    Story advance(String project, String amount, LocalDate firstDue, int instalments, String instalment) {
        List<AdvanceOpened.Instalment> schedule = new ArrayList<>();
        for (int i = 0; i < instalments; i++) {
            schedule.add(new AdvanceOpened.Instalment(i + 1, firstDue.plusMonths(i), new BigDecimal(instalment)));
        }
        return apply("AdvanceOpened", new AdvanceOpened(basin, "adv-" + project, project, "REF-" + project, "Entreprise",
                "cc-" + project, firstDue.minusMonths(1), new BigDecimal(amount), instalments, 0, "MONTHLY", schedule, AT, "test"));
    }

    Story disbursed(String project, String id, LocalDate on, String amount) {
        return apply("AdvanceDisbursed", new AdvanceDisbursed(basin, "adv-" + project, project, id, on, new BigDecimal(amount),
                new BigDecimal(amount), new BigDecimal(amount), AT, "test"));
    }

    Story repaid(String project, String id, LocalDate on, String amount) {
        return apply("RepaymentReceived", new RepaymentReceived(basin, "adv-" + project, project, id, on, new BigDecimal(amount),
                List.of(), BigDecimal.ZERO, 0, AT, "test"));
    }

    Story reversed(String project, String id, LocalDate on, String amount) {
        return apply("RepaymentReversed", new RepaymentReversed(basin, "adv-" + project, project, id, on, new BigDecimal(amount),
                "erreur", BigDecimal.ZERO, AT, "test"));
    }

    Story writtenOff(String project, String id, LocalDate on, String amount) {
        return apply("AdvanceWrittenOff", new AdvanceWrittenOff(basin, "adv-" + project, project, id, on, new BigDecimal(amount),
                "liquidation", "CA-1", BigDecimal.ZERO, AT, "test"));
    }

    Story recovered(String project, String id, LocalDate on, String amount) {
        return apply("LossRecovered", new LossRecovered(basin, "adv-" + project, project, id, on, new BigDecimal(amount), AT,
                "test"));
    }

    Story contribution(String id, String account, LocalDate on, String amount) {
        return apply("ContributionReceived", new ContributionReceived(id, basin, "org-0", "COMPANIES", account,
                new BigDecimal(amount), on, AT, "test"));
    }

    Story movementReversed(String reversal, String movement, String kind, LocalDate on, String amount) {
        return apply("MovementReversed", new MovementReversed(basin, reversal, movement, kind, new BigDecimal(amount), on,
                "erreur", AT, "test"));
    }

    Story expense(String id, String category, LocalDate on, String amount) {
        return apply("OperatingExpenseRecorded", new OperatingExpenseRecorded(basin, id, category, new BigDecimal(amount), on,
                "dépense", "fournisseur", AT, "test"));
    }
}
