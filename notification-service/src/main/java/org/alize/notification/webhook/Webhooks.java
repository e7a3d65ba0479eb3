package org.alize.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.alize.basin.events.BasinEvents;
import org.alize.kernel.problem.Conflict;
import org.alize.kernel.problem.InvalidInput;
import org.alize.kernel.problem.NotFound;
import org.alize.messaging.EventCatalog;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A basin's webhooks: subscribed by its operator to some of the basin's event types, each event of those types that
 * happens after the subscription becomes one delivery (queued, attempted by {@link WebhookDispatcher}). History entered
 * late keeps its date: an event dated before the subscription is not delivered, nor a basin's history republished by
 * an archive's import.
 */
@Service
public class Webhooks {

    /** A test delivery's type, sent on demand ({@code ping}). */
    static final String PING = "alize.webhook.Ping.v1";
    static final int MAX_DESCRIPTION = 200;
    static final Duration PREVIOUS_SECRET_LASTS = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final MongoTemplate mongo;
    private final WebhookQueue queue;
    private final WebhookSettings settings;
    private final Destinations destinations;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookSecrets secrets;
    private final SortedSet<String> subscribable = new TreeSet<>();

    Webhooks(MongoTemplate mongo, WebhookQueue queue, WebhookSettings settings, JsonMapper json, Clock clock,
            List<EventCatalog> catalogs, WebhookSecrets secrets) {
        this.secrets = secrets;
        this.mongo = mongo;
        this.queue = queue;
        this.settings = settings;
        this.destinations = new Destinations(settings);
        this.json = json;
        this.clock = clock;
        catalogs.forEach(catalog -> subscribable.addAll(catalog.types().keySet()));
        subscribable.remove(BasinEvents.BASIN_PURGED); // the platform's own order; a purged basin has no webhooks left
    }

    /** The event types a webhook may be subscribed to. */
    public SortedSet<String> subscribable() {
        return subscribable;
    }

    /** What the operator asks: the address, a description, the event types. */
    public record Request(String url, String description, List<String> eventTypes) {
    }

    /** A subscription made, with its secret: the only time it is shown. */
    record Created(Subscription subscription, String secret) {
    }

    Created subscribe(Request request, String by) {
        Checked checked = check(request);
        long existing = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Subscription.class);
        if (existing >= settings.maxPerBasin()) {
            throw new Conflict("webhook.too-many", "Le bassin a déjà " + existing + " webhooks, le plus permis : "
                    + "supprimez-en un avant d'en créer un autre.");
        }
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        String id = UUID.randomUUID().toString();
        Subscription subscription = mongo.insert(new Subscription(id, checked.url(),
                checked.description(), checked.types(), Subscription.Status.ACTIVE, secrets.seal(id, secret), null, null, 0,
                null, null, null, null, now, by, now, by, Subscription.hintOf(secret)));
        log.info("webhook {} of {} subscribed by {} to {} type(s)", subscription.id(), BasinContext.require(), by,
                checked.types().size());
        return new Created(subscription, secret);
    }

    Subscription change(String id, Request request, String by) {
        Subscription subscription = find(id);
        Checked checked = check(request);
        return mongo.save(subscription.changed(checked.url(), checked.description(), checked.types(), clock.instant(), by));
    }

    /** A new secret; the previous one keeps signing beside it for {@link #PREVIOUS_SECRET_LASTS}. */
    Created rotate(String id, String by) {
        Subscription subscription = find(id);
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        // the current secret signs on beside the new one, sealed whatever the version that stored it
        String previous = secrets.seal(id, secrets.open(id, subscription.secret()));
        return new Created(mongo.save(subscription.rotated(secrets.seal(id, secret), Subscription.hintOf(secret), previous,
                now.plus(PREVIOUS_SECRET_LASTS), now, by)), secret);
    }

    Subscription enable(String id, String by) {
        return mongo.save(find(id).enabled(clock.instant(), by));
    }

    Subscription disable(String id, String by) {
        Subscription subscription = find(id);
        if (subscription.status() == Subscription.Status.DISABLED) {
            return subscription;
        }
        return mongo.save(subscription.disabled("désactivé par " + by, clock.instant(), by));
    }

    /** Removes the webhook and its log (the queue's entries for it find nothing and go when their turn comes). */
    void delete(String id) {
        Subscription subscription = find(id);
        mongo.remove(query(where("subscriptionId").is(subscription.id())), Delivery.class);
        mongo.remove(subscription);
    }

    Subscription find(String id) {
        Subscription subscription = id == null || id.length() > 64 ? null : mongo.findById(id, Subscription.class);
        if (subscription == null) {
            throw new NotFound("webhook.not-found", "Aucun webhook " + id + " dans le bassin " + BasinContext.require() + ".");
        }
        return subscription;
    }

    Delivery delivery(String subscriptionId, String deliveryId) {
        Delivery delivery = deliveryId == null || deliveryId.length() > 64 ? null : mongo.findById(deliveryId, Delivery.class);
        if (delivery == null || !delivery.subscriptionId().equals(subscriptionId)) {
            throw new NotFound("webhook.delivery-not-found", "Aucune livraison " + deliveryId + " pour ce webhook.");
        }
        return delivery;
    }

    /** A finished delivery attempted again, in a new round of attempts (the webhook must be active). */
    Delivery redeliver(String subscriptionId, String deliveryId) {
        Subscription subscription = find(subscriptionId);
        Delivery delivery = delivery(subscriptionId, deliveryId);
        if (subscription.status() != Subscription.Status.ACTIVE) {
            throw new Conflict("webhook.disabled", "Ce webhook est désactivé : réactivez-le avant de relivrer.");
        }
        if (delivery.status() == Delivery.Status.PENDING) {
            throw new Conflict("webhook.delivery-pending", "Cette livraison est déjà en cours (prochain essai prévu).");
        }
        Instant now = clock.instant();
        Delivery again = mongo.save(delivery.again(now));
        queue.sendAgain(BasinContext.require(), again.id(), now);
        return again;
    }

    /** A test event delivered at once, to check the address and the signature. */
    Delivery ping(String subscriptionId, String by) {
        Subscription subscription = find(subscriptionId);
        if (subscription.status() != Subscription.Status.ACTIVE) {
            throw new Conflict("webhook.disabled", "Ce webhook est désactivé : réactivez-le avant de l'essayer.");
        }
        ObjectNode data = json.createObjectNode().put("message", "Essai du webhook demandé par " + by).put("webhookId",
                subscriptionId);
        return record(subscription, UUID.randomUUID().toString(), PING, OffsetDateTime.now(clock), subscriptionId, data)
                .orElseThrow();
    }

    /**
     * An event of the basin read from its topic: one delivery per active webhook of its type subscribed before it
     * happened. At most {@link WebhookSettings#maxPerBasin()} documents read, each delivery written by its id.
     */
    void onEvent(String eventId, String type, OffsetDateTime time, String subject, byte[] data) {
        if (!subscribable.contains(type)) {
            return;
        }
        if (time != null && time.toInstant().isBefore(clock.instant().minus(settings.retention()))) {
            return; // read again after its delivery left the log (a replay): not news, and not to be sent twice
        }
        List<Subscription> subscriptions = mongo.find(query(where("status").is(Subscription.Status.ACTIVE)
                .and("eventTypes").is(type)).limit(settings.maxPerBasin()), Subscription.class);
        if (subscriptions.isEmpty()) {
            return;
        }
        JsonNode payload = data == null || data.length == 0 ? json.getNodeFactory().nullNode() : json.readTree(data);
        for (Subscription subscription : subscriptions) {
            if (time != null && time.toInstant().isBefore(subscription.createdAt())) {
                continue; // happened before the webhook was there (history entered late, or republished)
            }
            record(subscription, eventId, type, time, subject, payload);
        }
    }

    private Optional<Delivery> record(Subscription subscription, String eventId, String type, OffsetDateTime time,
            String subject, JsonNode data) {
        BasinId basin = BasinContext.require();
        ObjectNode body = json.createObjectNode().put("id", eventId).put("type", type)
                .put("timestamp", (time == null ? OffsetDateTime.now(clock) : time).toString()).put("basinId", basin.value());
        body.put("subject", subject);
        body.set("data", data);
        String id = UUID.nameUUIDFromBytes((subscription.id() + "|" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        Delivery delivery = new Delivery(id, subscription.id(), eventId, type, json.writeValueAsString(body),
                Delivery.Status.PENDING, 0, List.of(), now, now, null);
        try {
            mongo.insert(delivery);
        } catch (DuplicateKeyException already) {
            log.debug("delivery {} already recorded", id);
            delivery = mongo.findById(id, Delivery.class);
        }
        queue.send(basin, id, now);
        return Optional.ofNullable(delivery);
    }

    private record Checked(String url, String description, List<String> types) {
    }

    private Checked check(Request request) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String url = null;
        try {
            url = destinations.check(request == null ? null : request.url()).toString();
        } catch (Destinations.Refused refused) {
            errors.add(new InvalidInput.FieldError("url", refused.getMessage()));
        }
        String description = request == null || request.description() == null ? null : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new InvalidInput.FieldError("description", "au plus " + MAX_DESCRIPTION + " caractères"));
        }
        List<String> asked = request == null || request.eventTypes() == null ? List.of() : request.eventTypes();
        SortedSet<String> types = new TreeSet<>();
        if (asked.isEmpty()) {
            errors.add(new InvalidInput.FieldError("eventTypes", "au moins un type d'événement (voyez /webhooks/event-types)"));
        } else if (asked.size() > subscribable.size()) {
            errors.add(new InvalidInput.FieldError("eventTypes", "au plus " + subscribable.size() + " types"));
        } else {
            for (int i = 0; i < asked.size(); i++) {
                String type = asked.get(i);
                if (type == null || !subscribable.contains(type.strip())) {
                    errors.add(new InvalidInput.FieldError("eventTypes[" + i + "]", "type d'événement inconnu "
                            + "(voyez /webhooks/event-types)"));
                } else {
                    types.add(type.strip());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("Webhook non enregistré : voyez les champs en erreur.", errors);
        }
        return new Checked(url, description == null || description.isEmpty() ? null : description, List.copyOf(types));
    }
}
