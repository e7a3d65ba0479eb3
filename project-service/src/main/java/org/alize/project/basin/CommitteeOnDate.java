package org.alize.project.basin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The approval committee as it stood on one date, from the replica: its members, its president and
 * the quorum its rule gives for the voting members.
 */
public record CommitteeOnDate(LocalDate on, List<Replica.Committee.Member> members, Replica.Committee.Presidency president,
        int votingMembers, int quorum) {

    public Optional<Replica.Committee.Member> member(String personId) {
        return members.stream().filter(m -> m.personId().equals(personId)).findFirst();
    }

    public static CommitteeOnDate of(Replica.Committee committee, LocalDate date) {
        if (committee == null) {
            return new CommitteeOnDate(date, List.of(), null, 0, 1);
        }
        List<Replica.Committee.Member> members = committee.members().stream().filter(m -> m.sitsOn(date)).toList();
        int voting = (int) members.stream().filter(Replica.Committee.Member::voting).count();
        int quorum = "MINIMUM_PRESENT".equals(committee.quorumKind()) && committee.quorumMinimum() != null
                ? committee.quorumMinimum() : voting / 2 + 1;
        Replica.Committee.Presidency president = committee.presidencies().stream().filter(p -> p.covers(date)).findFirst()
                .orElse(null);
        return new CommitteeOnDate(date, members, president, voting, quorum);
    }
}
