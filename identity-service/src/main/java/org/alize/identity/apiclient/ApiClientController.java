package org.alize.identity.apiclient;

import java.time.Clock;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The basin operator's API clients: the credentials of the basin's own systems. */
@RestController
@RequestMapping("/api/basins/{basinId}/api-clients")
@RequiresBasinRole(BasinRole.OPERATOR)
@Tag(name = "Clients d'API du bassin", description = "Les accès des systèmes du bassin (jeton par identifiants client, "
        + "OAuth2 client_credentials) : lecture, ou lecture et écriture, dans ce bassin seulement ; secret montré une fois, "
        + "durée de validité, renouvellement et révocation par l'opérateur.")
class ApiClientController {

    record NewApiClient(String name, ApiClient.Access access, Integer validDays) {
    }

    record NewSecret(Integer validDays) {
    }

    /** A client as listed: never its secret nor its hash. */
    record ApiClientView(String clientId, String name, ApiClient.Access access, ApiClient.Status status, Instant createdAt,
            String createdBy, Instant expiresAt, Instant rotatedAt, Instant revokedAt, String revokedBy) {
    }

    /** A client with its secret, answered once, at creation or renewal; {@code tokenEndpoint} is where to use it. */
    record ApiClientSecret(String clientId, String name, ApiClient.Access access, Instant expiresAt, String secret,
            String tokenEndpoint, String grantType) {
    }

    private final ApiClients clients;
    private final Clock clock;

    ApiClientController(ApiClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Crée un client d'API du bassin (au plus 20 actifs) : son secret n'est montré que dans cette "
            + "réponse ; valable de 1 à 365 jours (90 par défaut)")
    ApiClientSecret create(@PathVariable String basinId, @RequestBody NewApiClient request) {
        return withSecret(clients.create(BasinContext.require(), request.name(), request.access(), request.validDays(),
                CurrentGrants.subject()));
    }

    @GetMapping
    @Operation(summary = "Les clients d'API du bassin, les plus récents d'abord, par page (au plus 200), sans leur secret")
    Paged<ApiClientView> list(@PathVariable String basinId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        Instant now = clock.instant();
        return clients.list(BasinContext.require(), page, size, c -> new ApiClientView(c.clientId(), c.name(), c.access(),
                c.status(now), c.createdAt(), c.createdBy(), c.expiresAt(), c.rotatedAt(), c.revokedAt(), c.revokedBy()));
    }

    @PostMapping("/{clientId}/secret")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Donne un nouveau secret au client (et une nouvelle échéance) : l'ancien et les jetons déjà "
            + "délivrés cessent de fonctionner")
    ApiClientSecret rotate(@PathVariable String basinId, @PathVariable String clientId, @RequestBody(required = false) NewSecret request) {
        return withSecret(clients.rotate(BasinContext.require(), clientId, request == null ? null : request.validDays(),
                CurrentGrants.subject()));
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Révoque le client : plus aucun jeton, et ceux déjà délivrés cessent de fonctionner sous une minute")
    void revoke(@PathVariable String basinId, @PathVariable String clientId) {
        clients.revoke(BasinContext.require(), clientId, CurrentGrants.subject());
    }

    private static ApiClientSecret withSecret(ApiClients.WithSecret created) {
        ApiClient c = created.client();
        return new ApiClientSecret(c.clientId(), c.name(), c.access(), c.expiresAt(), created.secret(), "/oauth2/token",
                "client_credentials");
    }
}
