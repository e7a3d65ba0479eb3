package org.alize.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.alize.basin.events.ApprovalCommitteeChanged;
import org.alize.basin.events.BasinEvents;
import org.alize.basin.events.LocalOperatorAppointed;
import org.alize.basin.events.OrganisationRecorded;
import org.alize.basin.events.PersonRecorded;
import org.alize.basin.events.SteeringCommitteeChanged;
import org.alize.basin.events.SupportSchemeRecorded;
import org.alize.messaging.kafka.CloudEventPublisher;
import org.alize.messaging.outbox.OutboxEntry;
import org.alize.testing.contract.EventContract;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes on {@code alize.basin.v1} what basin-service would for one basin (each event checked against
 * its schema first): the Valenciennois committee of the tests, its partners, operator, steering chair
 * and a support scheme.
 */
public final class BasinFeed {

    public static final LocalDate SINCE = LocalDate.of(2025, 1, 1);
    private static final Instant AT = Instant.parse("2025-01-02T09:00:00Z");

    private final CloudEventPublisher publisher;
    private final JsonMapper json;
    private final String basin;

    public BasinFeed(CloudEventPublisher publisher, JsonMapper json, String basin) {
        this.publisher = publisher;
        this.json = json;
        this.basin = basin;
    }

    /** Partner companies org-hrs, org-verrerie, org-aciers, org-auto; operator body org-vmd; five voting members, Roche presiding. */
    public BasinFeed valenciennoisCommittee() {
        company("org-hrs", "Hainaut Rail Systèmes", "industrialisation");
        company("org-verrerie", "Verrerie de l'Escaut", "verre");
        company("org-aciers", "Aciers du Valenciennois", "métallurgie");
        company("org-auto", "Nord Automobile Assemblage", "lean");
        publish(BasinEvents.ORGANISATION_RECORDED, "org-vmd", 1, new OrganisationRecorded(basin, "org-vmd", "ASSOCIATED_PARTNER",
                "Valenciennes Métropole Développement", null, null, null, "DEVELOPMENT_AGENCY", null, "TERRITORIAL_ACTORS",
                List.of(), true, AT, "op"));
        List<ApprovalCommitteeChanged.Member> members = new ArrayList<>();
        String[][] people = {{"roche", "Isabelle", "Roche", "org-hrs"}, {"lefevre", "Thomas", "Lefèvre", "org-verrerie"},
                {"dubois", "Nadia", "Dubois", "org-aciers"}, {"leroy", "Olivier", "Leroy", "org-auto"}, {"martin", "Claire", "Martin", null}};
        for (String[] p : people) {
            publish(BasinEvents.PERSON_RECORDED, p[0], 1, new PersonRecorded(basin, p[0], p[1], p[2], p[0] + "@example.fr", null,
                    p[3], p[3] == null ? "ASTREES" : "ORGANISATION", null, true, AT, "op"));
            members.add(new ApprovalCommitteeChanged.Member("m-" + p[0], p[0], p[1] + " " + p[2], p[3],
                    p[3] == null ? null : "PARTNER_COMPANY", p[3] == null ? "ASTREES_REPRESENTATIVE" : "PARTNER_REPRESENTATIVE",
                    true, SINCE, null));
        }
        publish(BasinEvents.APPROVAL_COMMITTEE_CHANGED, "approval", 1, new ApprovalCommitteeChanged(basin, members,
                List.of(new ApprovalCommitteeChanged.Presidency("roche", "Isabelle Roche", SINCE, null)),
                "MAJORITY_OF_VOTING_MEMBERS", null, "PRESIDENT_ELECTED", AT, "op"));
        publish(BasinEvents.LOCAL_OPERATOR_APPOINTED, "operator", 1, new LocalOperatorAppointed(basin,
                List.of(new LocalOperatorAppointed.Holder("org-vmd", "Valenciennes Métropole Développement",
                        List.of("FUND_MANAGEMENT"))), SINCE, "FR7630006000011234567890189", "FR7630004000031234567890143", AT, "op"));
        publish(BasinEvents.STEERING_COMMITTEE_CHANGED, "steering", 1, new SteeringCommitteeChanged(basin,
                List.of(new SteeringCommitteeChanged.Chair("PREFECT", "morel", "Jean Morel", null, null, SINCE, null)),
                List.of(), "CHAIR_APPOINTED", AT, "op"));
        publish(BasinEvents.SUPPORT_SCHEME_RECORDED, "sch-pfil", 1, new SupportSchemeRecorded(basin, "sch-pfil",
                "Initiative Valenciennes", "PFIL", null, true, AT, "op"));
        return this;
    }

    private void company(String id, String name, String skill) {
        publish(BasinEvents.ORGANISATION_RECORDED, id, 1, new OrganisationRecorded(basin, id, "PARTNER_COMPANY", name,
                null, null, "LARGE", null, null, "COMPANIES", List.of(new OrganisationRecorded.Skill(skill, 20)), true, AT, "op"));
    }

    public void publish(String type, String subject, long sequence, Object event) {
        String payload = json.writeValueAsString(event);
        EventContract.assertConforms(type, payload);
        publisher.publish(new OutboxEntry(UUID.randomUUID().toString(), BasinEvents.TOPIC, type,
                "/basins/" + basin + "/test/" + subject, subject, basin, sequence, Instant.now(), payload));
    }
}
