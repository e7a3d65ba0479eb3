package org.alize.identity;

import java.time.Duration;

import org.alize.identity.appointment.Appointments;
import org.alize.identity.revocation.Revocations;
import org.alize.identity.server.MongoAuthorizationService;
import org.alize.identity.server.SigningKeys;
import org.alize.kernel.BasinCalendar;
import org.alize.tenancy.mongo.ClusterLocks;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What identity-service does on its own, in one place, each job run by one instance at a time however many run
 * ({@link ClusterLocks}): two instances rotating the signing key together would publish two new keys. Each instance
 * still reloads the key ring for itself ({@link SigningKeys#reload()}).
 */
@Component
class IdentitySchedule {

    private final ClusterLocks locks;
    private final SigningKeys keys;
    private final Appointments appointments;
    private final MongoAuthorizationService authorizations;
    private final Revocations revocations;

    IdentitySchedule(ClusterLocks locks, SigningKeys keys, Appointments appointments, MongoAuthorizationService authorizations,
            Revocations revocations) {
        this.locks = locks;
        this.keys = keys;
        this.appointments = appointments;
        this.authorizations = authorizations;
        this.revocations = revocations;
    }

    /** The signing key is rotated when older than the rotation period; checked hourly. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void rotateSigningKey() {
        locks.runOnce("signing-key-rotation", Duration.ofMinutes(10), Duration.ofMinutes(5), keys::rotateIfDue);
    }

    /** Appointments end on their date without an event: every night the roles are brought in line again. */
    @Scheduled(cron = "${alize.identity.appointments.recheck-cron:0 15 3 * * *}", zone = BasinCalendar.ZONE_ID)
    void recheckAppointments() {
        locks.runOnce("appointments-recheck", Duration.ofHours(1), Duration.ofMinutes(10), appointments::recheckAll);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void sweepExpiredAuthorizations() {
        locks.runOnce("authorizations-sweep", Duration.ofMinutes(10), Duration.ofMinutes(5), authorizations::sweep);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void sweepOldRevocations() {
        locks.runOnce("revocations-sweep", Duration.ofMinutes(5), Duration.ofMinutes(2), revocations::sweep);
    }
}
