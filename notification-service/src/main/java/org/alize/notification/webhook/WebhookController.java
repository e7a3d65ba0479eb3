package org.alize.notification.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinRole;
import org.alize.tenancy.web.CurrentGrants;
import org.alize.tenancy.web.Paged;
import org.alize.tenancy.web.RequiresBasinRole;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** A basin's webhooks, for its operator: subscribe, change, rotate the secret, disable, and read the delivery log. */
@RestController
@RequestMapping("/api/basins/{basinId}/webhooks")
@RequiresBasinRole(BasinRole.OPERATOR)
@Tag(name = "Webhooks", description = "Les événements du bassin envoyés aux systèmes de ses partenaires : un POST JSON signé "
        + "(Standard Webhooks : en-têtes webhook-id, webhook-timestamp, webhook-signature « v1,<HMAC-SHA256 base64> » de "
        + "« id.timestamp.corps »), réessayé avec des attentes croissantes, désactivé après trop d'échecs consécutifs ; "
        + "le journal des livraisons.")
class WebhookController {

    /** A webhook as shown: never its secret, only the secret's last characters. */
    record SubscriptionView(String id, String url, String description, List<String> eventTypes, Subscription.Status status,
            String statusLabel, String secretHint, Instant previousSecretUntil, int consecutiveFailures, Instant lastSuccessAt,
            Instant lastFailureAt, Instant disabledAt, String disabledReason, Instant createdAt, String createdBy,
            Instant updatedAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.url(), s.description(), s.eventTypes(), s.status(), s.status().label(),
                    s.secretHint(), s.previousSecretUntil(), s.consecutiveFailures(), s.lastSuccessAt(), s.lastFailureAt(),
                    s.disabledAt(), s.disabledReason(), s.createdAt(), s.createdBy(), s.updatedAt());
        }
    }

    /** A webhook with its secret, shown once: when it is created, when its secret is replaced. */
    record WithSecret(SubscriptionView webhook, String secret) {
    }

    /** A delivery as the log shows it: the event, where it stands, each attempt; not the body. */
    record DeliveryView(String id, String eventId, String eventType, Delivery.Status status, String statusLabel, int tries,
            List<Delivery.Attempt> attempts, Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.status().label(), d.tries(),
                    d.attempts(), d.createdAt(), d.nextAttemptAt(), d.finishedAt());
        }
    }

    record EventTypes(SortedSet<String> eventTypes) {
    }

    private final Webhooks webhooks;
    private final MongoTemplate mongo;

    WebhookController(Webhooks webhooks, MongoTemplate mongo) {
        this.webhooks = webhooks;
        this.mongo = mongo;
    }

    @GetMapping("/event-types")
    @Operation(summary = "Les types d'événements auxquels un webhook peut s'abonner")
    EventTypes eventTypes(@PathVariable String basinId) {
        return new EventTypes(webhooks.subscribable());
    }

    @GetMapping
    @Operation(summary = "Les webhooks du bassin, par page (au plus 200)")
    Paged<SubscriptionView> list(@PathVariable String basinId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.query(mongo, new Query().with(Sort.by("createdAt", "_id")), Subscription.class, page, size,
                SubscriptionView::of);
    }

    @PostMapping
    @Operation(summary = "Créer un webhook : son secret de signature n'est montré que dans cette réponse")
    ResponseEntity<WithSecret> subscribe(@PathVariable String basinId, @RequestBody Webhooks.Request request) {
        Webhooks.Created created = webhooks.subscribe(request, CurrentGrants.subject());
        return ResponseEntity.created(URI.create("/api/basins/" + BasinContext.require() + "/webhooks/"
                + created.subscription().id())).body(new WithSecret(SubscriptionView.of(created.subscription()),
                created.secret()));
    }

    @GetMapping("/{webhookId}")
    @Operation(summary = "Un webhook")
    SubscriptionView get(@PathVariable String basinId, @PathVariable String webhookId) {
        return SubscriptionView.of(webhooks.find(webhookId));
    }

    @PutMapping("/{webhookId}")
    @Operation(summary = "Changer l'adresse, la description ou les types d'événements d'un webhook")
    SubscriptionView change(@PathVariable String basinId, @PathVariable String webhookId,
            @RequestBody Webhooks.Request request) {
        return SubscriptionView.of(webhooks.change(webhookId, request, CurrentGrants.subject()));
    }

    @PostMapping("/{webhookId}/secret")
    @Operation(summary = "Remplacer le secret : l'ancien signe encore 24 heures à côté du nouveau")
    WithSecret rotate(@PathVariable String basinId, @PathVariable String webhookId) {
        Webhooks.Created rotated = webhooks.rotate(webhookId, CurrentGrants.subject());
        return new WithSecret(SubscriptionView.of(rotated.subscription()), rotated.secret());
    }

    @PostMapping("/{webhookId}/disable")
    @Operation(summary = "Désactiver un webhook : ses livraisons en attente sont annulées")
    SubscriptionView disable(@PathVariable String basinId, @PathVariable String webhookId) {
        return SubscriptionView.of(webhooks.disable(webhookId, CurrentGrants.subject()));
    }

    @PostMapping("/{webhookId}/enable")
    @Operation(summary = "Réactiver un webhook (son compte d'échecs repart de zéro)")
    SubscriptionView enable(@PathVariable String basinId, @PathVariable String webhookId) {
        return SubscriptionView.of(webhooks.enable(webhookId, CurrentGrants.subject()));
    }

    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Supprimer un webhook et son journal")
    void delete(@PathVariable String basinId, @PathVariable String webhookId) {
        webhooks.delete(webhookId);
    }

    @PostMapping("/{webhookId}/ping")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Envoyer un événement d'essai (alize.webhook.Ping.v1) pour vérifier l'adresse et la signature")
    DeliveryView ping(@PathVariable String basinId, @PathVariable String webhookId) {
        return DeliveryView.of(webhooks.ping(webhookId, CurrentGrants.subject()));
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(summary = "Le journal des livraisons d'un webhook, les plus récentes d'abord, par page (au plus 200)")
    Paged<DeliveryView> deliveries(@PathVariable String basinId, @PathVariable String webhookId,
            @RequestParam(required = false) Delivery.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        Subscription subscription = webhooks.find(webhookId);
        Query query = new Query(status == null ? where("subscriptionId").is(subscription.id())
                : where("subscriptionId").is(subscription.id()).and("status").is(status));
        return Paged.query(mongo, query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))), Delivery.class,
                page, size, DeliveryView::of);
    }

    @GetMapping("/{webhookId}/deliveries/{deliveryId}")
    @Operation(summary = "Une livraison et ses essais")
    DeliveryView delivery(@PathVariable String basinId, @PathVariable String webhookId, @PathVariable String deliveryId) {
        return DeliveryView.of(webhooks.delivery(webhookId, deliveryId));
    }

    @PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Relivrer une livraison terminée (livrée, en échec ou annulée), dans une nouvelle série d'essais")
    DeliveryView redeliver(@PathVariable String basinId, @PathVariable String webhookId, @PathVariable String deliveryId) {
        return DeliveryView.of(webhooks.redeliver(webhookId, deliveryId));
    }
}
