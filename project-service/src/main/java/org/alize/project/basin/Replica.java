package org.alize.project.basin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The replicated facts, one document type each, in the basin's database. */
public final class Replica {

    private Replica() {
    }

    @Document("replica_organisations")
    public record Organisation(@Id String organisationId, String name, String kind, List<String> skills, boolean active,
            long sequence) {
    }

    /**
     * @param firstName the names apart, for an erasure to find the person in free text; absent from replicas kept
     *                  before they were
     * @param erased    the person was erased: names and address are gone
     */
    @Document("replica_people")
    public record Person(@Id String personId, String name, @Indexed(sparse = true) String email, String organisationId, String affiliation,
            boolean inActivity, long sequence, String firstName, String lastName, boolean erased) {
    }

    @Document("replica_schemes")
    public record Scheme(@Id String schemeId, String name, String kind, boolean active, long sequence) {
    }

    @Document("replica_operator")
    public record Operator(@Id String id, List<Holder> holders, long sequence) {
        public static final String ID = "operator";

        /** @param functions what the holder does ({@code FUND_MANAGEMENT}…); absent from replicas kept before they were */
        public record Holder(String organisationId, String organisationName, List<String> functions) {
        }

        /**
         * Who signs a convention's advance annex for the operator: the holder of the fund's management when the
         * operator's functions are split between several bodies, else its only (or first) holder.
         */
        public java.util.Optional<Holder> fundManager() {
            return holders.stream().filter(h -> h.functions() != null && h.functions().contains("FUND_MANAGEMENT")).findFirst()
                    .or(() -> holders.stream().findFirst());
        }
    }

    @Document("replica_committee")
    public record Committee(@Id String id, List<Member> members, List<Presidency> presidencies, String quorumKind,
            Integer quorumMinimum, long sequence) {
        public static final String ID = "approval";

        public record Member(String membershipId, String personId, String name, String organisationId,
                String organisationKind, String seat, boolean voting, LocalDate from, LocalDate until) {
            public boolean sitsOn(LocalDate date) {
                return !date.isBefore(from) && (until == null || !date.isAfter(until));
            }
        }

        public record Presidency(String personId, String name, LocalDate from, LocalDate until) {
            public boolean covers(LocalDate date) {
                return !date.isBefore(from) && (until == null || !date.isAfter(until));
            }
        }
    }

    @Document("replica_steering")
    public record Steering(@Id String id, List<Chair> chairs, long sequence) {
        public static final String ID = "steering";

        public record Chair(String kind, String personId, String name, BigDecimal financialSharePercent, LocalDate from,
                LocalDate until) {
            public boolean covers(LocalDate date) {
                return !date.isBefore(from) && (until == null || !date.isAfter(until));
            }
        }
    }

    /** The basin's status in the network registry, as its last event says. */
    public record Status(@Id String id, String status, long sequence) {
        public static final String ID = "status";
    }
}
