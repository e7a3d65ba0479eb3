package org.alize.identity.apiclient;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.alize.tenancy.BasinId;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.Grants;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One API client of a basin, in identity's network database. Its secret is kept only as a hash; it stops working
 * at {@code expiresAt} or when revoked, whichever comes first.
 */
@Document("api_clients")
public record ApiClient(@Id String clientId, String basinId, String name, Access access, String secretHash,
        Instant createdAt, String createdBy, Instant expiresAt, Instant rotatedAt, String rotatedBy, Instant revokedAt,
        String revokedBy, @Version Long version) {

    /** What a client may do in its basin. */
    public enum Access {
        /** Read what the basin's people read ({@code INTEGRATION}). */
        READ,
        /** Also write, with the operator's rights ({@code INTEGRATION} and {@code OPERATOR}). */
        WRITE
    }

    /** Its state at {@code now}. */
    public enum Status {
        ACTIVE, EXPIRED, REVOKED
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** What its tokens grant: its basin, with the roles of its access; never a network role. */
    public Grants grants() {
        Set<BasinRole> roles = access == Access.WRITE ? Set.of(BasinRole.INTEGRATION, BasinRole.OPERATOR)
                : Set.of(BasinRole.INTEGRATION);
        return new Grants(Set.of(), Map.of(BasinId.of(basinId), roles));
    }

    ApiClient withSecret(String hash, Instant expires, Instant now, String by) {
        return new ApiClient(clientId, basinId, name, access, hash, createdAt, createdBy, expires, now, by, revokedAt,
                revokedBy, version);
    }

    ApiClient revoked(Instant now, String by) {
        return new ApiClient(clientId, basinId, name, access, secretHash, createdAt, createdBy, expiresAt, rotatedAt,
                rotatedBy, now, by, version);
    }
}
