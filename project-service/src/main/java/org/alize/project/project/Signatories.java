package org.alize.project.project;

import java.util.ArrayList;
import java.util.List;

import org.alize.kernel.problem.RuleViolation;
import org.alize.project.cooperation.RequiredSignature;
import org.alize.project.cooperation.SignatoryRole;

/**
 * Who signs an approved project's cooperation convention: the SME's head, the committee's president, each
 * partner company giving skills, the mandatary when not the president, and the operator for an advance annex.
 */
final class Signatories {

    private Signatories() {
    }

    static List<RequiredSignature> forApproval(Head head, Decision decision, Parties parties) {
        GrantedMeans means = decision.means();
        if (parties.presidentId() == null) {
            throw new RuleViolation("R-24", "Le comité n'a pas de président à cette date : la convention ne peut être préparée.");
        }
        if (means.advance() != null && parties.operatorOrganisationId() == null) {
            throw new RuleViolation("R-24", "L'annexe de l'avance est signée par l'opérateur local : aucun n'est désigné.");
        }
        List<RequiredSignature> required = new ArrayList<>();
        required.add(RequiredSignature.of(SignatoryRole.SME_HEAD, head.fullName(), null));
        required.add(RequiredSignature.of(SignatoryRole.COMMITTEE_PRESIDENT, parties.presidentName(),
                parties.presidentOrganisationId()));
        means.skills().stream().map(GrantedMeans.SkillsGrant::partnerId).distinct().forEach(partner -> required.add(
                RequiredSignature.of(SignatoryRole.SKILLS_PARTNER, means.skills().stream()
                        .filter(s -> s.partnerId().equals(partner)).findFirst().orElseThrow().partnerName(), partner)));
        if (!decision.mandataryId().equals(parties.presidentId())) {
            required.add(RequiredSignature.of(SignatoryRole.MANDATARY, decision.mandataryName(), null));
        }
        if (means.advance() != null) {
            required.add(RequiredSignature.of(SignatoryRole.OPERATOR, parties.operatorName(), parties.operatorOrganisationId()));
        }
        return required;
    }
}
