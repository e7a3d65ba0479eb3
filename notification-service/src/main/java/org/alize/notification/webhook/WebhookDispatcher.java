package org.alize.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.tenancy.PurgedBasinException;
import org.alize.tenancy.personal.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Attempts the deliveries due ({@link WebhookQueue}): a {@code POST} of the body, its personal data opened at that
 * moment (an erased person's are null), with the Standard Webhooks headers ({@code webhook-id}, {@code
 * webhook-timestamp}, {@code webhook-signature}). A 2xx answer delivers it; anything else — another status, a redirect
 * (never followed), no answer within the time-out, an address now internal — is a failure, retried after each of the
 * configured waits, then marked failed. A subscription is disabled after too many consecutive failures.
 * <p>
 * One basin cannot hold the others back: attempts run on a small pool, at most {@value #PER_BASIN} of a basin's at a
 * time, and a basin with that many in flight is left out of the next look at the queue.
 */
@Component
class WebhookDispatcher implements DisposableBean {

    static final int PER_BASIN = 2;
    static final int THREADS = 8;
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final int ANSWER_KEPT = 300;
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookQueue queue;
    private final MongoTemplate mongo;
    private final WebhookSettings settings;
    private final Destinations destinations;
    private final PersonalData personal;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WebhookSecrets secrets;
    private final HttpClient http;
    private final ExecutorService senders = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "alize-webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();

    WebhookDispatcher(WebhookQueue queue, MongoTemplate mongo, WebhookSettings settings, PersonalData personal,
            JsonMapper json, Clock clock, MeterRegistry meters, WebhookSecrets secrets) {
        this.secrets = secrets;
        this.queue = queue;
        this.mongo = mongo;
        this.settings = settings;
        this.destinations = new Destinations(settings);
        this.personal = personal;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${alize.webhooks.dispatch-interval:PT1S}", initialDelayString = "PT5S")
    void dispatchDue() {
        try {
            Set<String> busy = inFlight.entrySet().stream().filter(e -> e.getValue().get() >= PER_BASIN)
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(HashSet::new));
            for (WebhookQueue.Due entry : queue.due(clock.instant(), busy, THREADS * 4)) {
                if (running.get() >= THREADS) {
                    return;
                }
                AtomicInteger basinInFlight = inFlight.computeIfAbsent(entry.basinId(), b -> new AtomicInteger());
                if (basinInFlight.get() >= PER_BASIN || !queue.claim(entry, clock.instant().plus(CLAIM))) {
                    continue;
                }
                basinInFlight.incrementAndGet();
                running.incrementAndGet();
                senders.execute(() -> {
                    try {
                        BasinContext.runIn(BasinId.of(entry.basinId()), () -> work(entry));
                    } catch (PurgedBasinException purged) {
                        queue.done(entry);
                    } catch (RuntimeException e) {
                        log.warn("webhook delivery {} interrupted (tried again when its claim expires): {}", entry.id(),
                                e.toString());
                    } finally {
                        basinInFlight.decrementAndGet();
                        running.decrementAndGet();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("webhook dispatch interrupted: {}", e.toString());
        }
    }

    private void work(WebhookQueue.Due entry) {
        BasinId basin = BasinContext.require();
        Delivery delivery = mongo.findById(entry.deliveryId(), Delivery.class);
        if (delivery == null) {
            queue.done(entry);
            return;
        }
        if (entry.purpose() == WebhookQueue.Purpose.FORGET) {
            if (delivery.status() != Delivery.Status.PENDING) {
                mongo.remove(delivery);
            }
            queue.done(entry);
            return;
        }
        if (delivery.status() != Delivery.Status.PENDING) {
            forgetLater(basin, delivery);
            return;
        }
        Subscription subscription = mongo.findById(delivery.subscriptionId(), Subscription.class);
        if (subscription == null) { // deleted: its log goes with it
            mongo.remove(delivery);
            queue.done(entry);
            return;
        }
        Instant now = clock.instant();
        if (subscription.status() != Subscription.Status.ACTIVE) {
            Delivery cancelled = mongo.save(delivery.cancelled(now));
            forgetLater(basin, cancelled);
            outcome("cancelled");
            return;
        }
        Delivery.Attempt attempt = attempt(subscription, delivery, now);
        if (attempt.error() == null) {
            Delivery delivered = mongo.save(delivery.delivered(attempt));
            mongo.updateFirst(query(where("_id").is(subscription.id())), new Update().set("consecutiveFailures", 0)
                    .set("lastSuccessAt", attempt.at()), Subscription.class);
            forgetLater(basin, delivered);
            outcome("delivered");
            return;
        }
        int tries = delivery.tries() + 1;
        Instant retryAt = tries < settings.maxAttempts()
                ? attempt.at().plus(settings.retryDelays().get(tries - 1)) : null;
        Delivery failed = mongo.save(delivery.failed(attempt, retryAt));
        if (retryAt == null) {
            forgetLater(basin, failed);
            outcome("failed");
        } else {
            queue.sendAgain(basin, delivery.id(), retryAt);
            outcome("retried");
        }
        failure(subscription, attempt);
        log.info("webhook {} of {}: delivery {} refused (attempt {}): {}", subscription.id(), basin, delivery.id(), tries,
                attempt.error());
    }

    /** Counts the failure; the subscription is disabled at the threshold (once: the update says who crossed it). */
    private void failure(Subscription subscription, Delivery.Attempt attempt) {
        Subscription counted = mongo.findAndModify(query(where("_id").is(subscription.id())), new Update()
                .inc("consecutiveFailures", 1).set("lastFailureAt", attempt.at()),
                FindAndModifyOptions.options().returnNew(true), Subscription.class);
        if (counted != null && counted.status() == Subscription.Status.ACTIVE
                && counted.consecutiveFailures() >= settings.disableAfter()) {
            String reason = counted.consecutiveFailures() + " échecs consécutifs (dernier : " + attempt.error() + ")";
            boolean disabled = mongo.updateFirst(query(where("_id").is(subscription.id()).and("status")
                    .is(Subscription.Status.ACTIVE)), new Update().set("status", Subscription.Status.DISABLED)
                    .set("disabledAt", attempt.at()).set("disabledReason", reason.length() > 300 ? reason.substring(0, 300)
                            : reason), Subscription.class).getModifiedCount() > 0;
            if (disabled) {
                log.warn("webhook {} of {} disabled: {}", subscription.id(), BasinContext.require(), reason);
                meters.counter("alize.webhooks.disabled").increment();
            }
        }
    }

    private Delivery.Attempt attempt(Subscription subscription, Delivery delivery, Instant now) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = destinations.check(subscription.url());
        } catch (Destinations.Refused refused) {
            return new Delivery.Attempt(now, null, "adresse refusée : " + refused.getMessage(), null, 0);
        }
        String body = opened(delivery.body());
        long timestamp = now.getEpochSecond();
        String signature;
        try {
            signature = subscription.signingSecrets(now).stream()
                    .map(sealed -> WebhookSigner.sign(secrets.open(subscription.id(), sealed), delivery.id(), timestamp, body))
                    .collect(Collectors.joining(" "));
        } catch (IllegalStateException unreadable) {
            // sealed under another password (a basin's archive taken into another platform): nothing can be signed
            log.warn("{}", unreadable.getMessage());
            return new Delivery.Attempt(now, null, "secret illisible sur cette plateforme : remplacez-le", null, 0);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "ALIZE-Webhooks/1")
                .header("webhook-id", delivery.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readNBytes(ANSWER_KEPT), StandardCharsets.UTF_8);
            }
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? "redirection non suivie (" + status + ")"
                    : "réponse " + status;
            return new Delivery.Attempt(now, status, error, answer.isBlank() ? null : answer, took);
        } catch (HttpTimeoutException e) {
            return new Delivery.Attempt(now, null, "pas de réponse en " + settings.timeout().toSeconds() + " s", null,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            String said = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Delivery.Attempt(now, null, "connexion impossible : " + (said.length() > 200 ? said.substring(0, 200)
                    : said), null, Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The body as sent: every sealed personal value opened with its person's key (null once erased). */
    String opened(String stored) {
        JsonNode body = json.readTree(stored);
        open(body);
        return json.writeValueAsString(body);
    }

    private void open(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(name);
                JsonNode opened = openedValue(value);
                if (opened != null) {
                    object.set(name, opened);
                } else {
                    open(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode opened = openedValue(array.get(i));
                if (opened != null) {
                    array.set(i, opened);
                } else {
                    open(array.get(i));
                }
            }
        }
    }

    /** A sealed value opened (a JSON null once its person was erased); null for anything not sealed. */
    private JsonNode openedValue(JsonNode value) {
        if (!value.isString() || !PersonalData.isSealed(value.asString())) {
            return null;
        }
        String opened = personal.open(value.asString());
        return opened == null ? json.getNodeFactory().nullNode() : json.getNodeFactory().stringNode(opened);
    }

    private void forgetLater(BasinId basin, Delivery finished) {
        Instant from = finished.finishedAt() == null ? clock.instant() : finished.finishedAt();
        queue.forget(basin, finished.id(), from.plus(settings.retention()));
    }

    private void outcome(String outcome) {
        meters.counter("alize.webhooks.deliveries", "outcome", outcome).increment();
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
