package org.alize.finance.intake;

import java.time.Clock;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.alize.finance.account.Approvals;
import org.alize.finance.advance.Advance;
import org.alize.finance.advance.AdvanceRepository;
import org.alize.finance.advance.Frequency;
import org.alize.finance.advance.Instalment;
import org.alize.finance.support.GrantedSupport;
import org.alize.finance.support.GrantedSupportRepository;
import org.alize.kernel.Money;
import org.alize.messaging.EventConsumer;
import org.alize.messaging.ReceivedEvent;
import org.alize.project.events.CommitteeSessionHeld;
import org.alize.project.events.CooperationConventionSigned;
import org.alize.project.events.ProjectEvents;
import org.alize.tenancy.BasinContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Turns signed cooperation conventions into advances and granted support, and sessions held into approvals, idempotently. */
@Component
class ProjectEventsListener {

    private final EventConsumer consumer;
    private final AdvanceRepository advances;
    private final GrantedSupportRepository support;
    private final Clock clock;
    private final Approvals approvals;

    ProjectEventsListener(EventConsumer consumer, AdvanceRepository advances, GrantedSupportRepository support, Clock clock,
            Approvals approvals) {
        this.consumer = consumer;
        this.advances = advances;
        this.support = support;
        this.clock = clock;
        this.approvals = approvals;
    }

    @KafkaListener(id = "finance-projects", topics = ProjectEvents.TOPIC, groupId = "finance-service")
    void on(ConsumerRecord<String, CloudEvent> record) {
        consumer.consume("project-intake", record, this::apply);
    }

    void apply(ReceivedEvent<?> event) {
        if (event.payload() instanceof CommitteeSessionHeld held) {
            // a session of the approval committee is a decision a transfer may cite
            approvals.record(Approvals.APPROVAL_COMMITTEE, held.sessionId(), held.heldOn());
            return;
        }
        if (!(event.payload() instanceof CooperationConventionSigned signed)) {
            return;
        }
        if (signed.advance() != null && !advances.existsById(Advance.idFor(signed.projectId()))) {
            CooperationConventionSigned.AdvanceAnnex annex = signed.advance();
            List<Instalment> calendar = annex.schedule().stream()
                    .map(i -> new Instalment(i.number(), i.dueOn(), Money.euros(i.amount()), Money.ZERO, Money.ZERO)).toList();
            advances.insert(Advance.open(BasinContext.require(), signed.projectId(), signed.reference(), signed.companyName(), signed.conventionId(),
                    signed.signedOn(), annex.amount(), new Advance.Terms(annex.durationMonths(), annex.graceMonths(),
                            Frequency.valueOf(annex.frequency())), calendar, clock.instant(), "project-service"));
        }
        if ((signed.subsidisedLoan() != null || signed.directFinancing() != null)
                && !support.existsById(GrantedSupport.idFor(signed.projectId()))) {
            support.insert(GrantedSupport.record(signed.projectId(), signed.reference(), signed.companyName(),
                    signed.subsidisedLoan() == null ? null : new GrantedSupport.Loan(signed.subsidisedLoan().lender(),
                            signed.subsidisedLoan().amount(), signed.subsidisedLoan().ratePercent(),
                            signed.subsidisedLoan().durationMonths()),
                    signed.directFinancing() == null ? null : new GrantedSupport.Financing(signed.directFinancing().funder(),
                            signed.directFinancing().amount()), clock.instant(), "project-service"));
        }
    }
}
