package org.alize.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.alize.testing.MemoryMongo;
import org.alize.testing.SettableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The filter alone on the embedded store, its command a latch: what a duplicate meets while the first still runs. */
class IdempotencyFilterTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();


    @Test
    @DisplayName("a duplicate arriving while the first run works is told to retry in 1 s; nothing is written for the key until the answer")
    void aDuplicateWhileTheFirstRunsIsToldToRetry() throws Exception {
        MongoTemplate mongo = new MongoTemplate(MONGO.client(), "idem_test");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mongo", mongo);
        IdempotencyFilter filter = new IdempotencyFilter(beans.getBeanProvider(MongoTemplate.class),
                new ProblemWriter(JsonMapper.builder().build()), Duration.ofSeconds(15), Duration.ofHours(24),
                new SettableClock(java.time.Instant.parse("2026-12-02T09:00:00Z")));
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> send(filter, (req, res) -> {
            runs.incrementAndGet();
            working.countDown();
            await(release);
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
            res.getWriter().write("{\"id\":\"n-1\"}");
        }));
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(mongo.getCollection(IdempotencyFilter.COLLECTION).countDocuments()).isZero();

        MockHttpServletResponse duplicate = send(filter, (req, res) -> runs.incrementAndGet());
        assertThat(duplicate.getStatus()).isEqualTo(409);
        assertThat(duplicate.getHeader("Retry-After")).isEqualTo("1");
        assertThat(duplicate.getContentAsString(StandardCharsets.UTF_8)).contains("idempotency.in-progress");

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        MockHttpServletResponse replay = send(filter, (req, res) -> runs.incrementAndGet());
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"n-1\"}");
        assertThat(runs).hasValue(1);
        assertThat(mongo.getCollection(IdempotencyFilter.COLLECTION).countDocuments()).isEqualTo(1);
    }

    private static MockHttpServletResponse send(IdempotencyFilter filter, jakarta.servlet.FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/basins/idem/notes");
        request.addHeader(IdempotencyFilter.HEADER, "k-1");
        request.setContent("{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        try (BasinContext.Scope ignored = BasinContext.open(BasinId.of("idem"))) {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
