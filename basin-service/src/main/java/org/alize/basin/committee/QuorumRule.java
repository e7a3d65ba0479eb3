package org.alize.basin.committee;

import org.alize.kernel.problem.InvalidInput;

/** How many voting members must attend for the committee to decide: by default a majority of them. */
public record QuorumRule(Kind kind, Integer minimum) {

    public static final QuorumRule MAJORITY = new QuorumRule(Kind.MAJORITY_OF_VOTING_MEMBERS, null);

    public enum Kind {
        MAJORITY_OF_VOTING_MEMBERS, MINIMUM_PRESENT
    }

    public QuorumRule {
        if (kind == null) {
            kind = Kind.MAJORITY_OF_VOTING_MEMBERS;
        }
        if (kind == Kind.MINIMUM_PRESENT && (minimum == null || minimum < 1)) {
            throw InvalidInput.field("quorum.minimum", "un quorum fixe compte au moins un membre");
        }
        if (kind == Kind.MAJORITY_OF_VOTING_MEMBERS) {
            minimum = null;
        }
    }

    public int required(int votingMembers) {
        return kind == Kind.MINIMUM_PRESENT ? minimum : votingMembers / 2 + 1;
    }
}
