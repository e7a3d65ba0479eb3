package org.alize.identity.revocation;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The revocation list the services poll, public like the signing keys: it names subjects by hash only. */
@RestController
class RevocationController {

    record RevokedSubject(String subjectHash, Instant notBefore) {
    }

    record RevocationList(List<RevokedSubject> revoked) {
    }

    private final Revocations revocations;

    RevocationController(Revocations revocations) {
        this.revocations = revocations;
    }

    @GetMapping("/revocations")
    @Operation(summary = "Sujets (empreinte SHA-256) dont les jetons émis avant « notBefore » sont révoqués")
    RevocationList list() {
        return new RevocationList(revocations.recent().stream()
                .map(r -> new RevokedSubject(r.subjectHash(), r.notBefore())).toList());
    }
}
