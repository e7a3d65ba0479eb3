package org.alize.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BasinContextTest {

    private static final BasinId VALENCIENNOIS = BasinId.of("valenciennois");
    private static final BasinId DUNKERQUE = BasinId.of("flandre-dunkerque");

    @AfterEach
    void clear() {
        BasinContext.clear();
    }

    @Test
    void a_scope_sets_the_basin_and_the_mdc_and_closing_it_leaves_nothing() {
        try (BasinContext.Scope ignored = BasinContext.open(VALENCIENNOIS)) {
            assertThat(BasinContext.current()).contains(VALENCIENNOIS);
            assertThat(MDC.get(BasinContext.MDC_KEY)).isEqualTo("valenciennois");
        }
        assertThat(BasinContext.isEmpty()).isTrue();
        assertThat(MDC.get(BasinContext.MDC_KEY)).isNull();
    }

    @Test
    void a_nested_scope_restores_the_outer_basin() {
        try (BasinContext.Scope outer = BasinContext.open(VALENCIENNOIS)) {
            BasinContext.runIn(DUNKERQUE, () -> assertThat(BasinContext.current()).contains(DUNKERQUE));
            assertThat(BasinContext.current()).contains(VALENCIENNOIS);
        }
    }

    @Test
    void the_network_scope_has_no_basin() {
        BasinContext.callInNetwork(() -> {
            assertThat(BasinContext.isNetwork()).isTrue();
            assertThat(BasinContext.current()).isEmpty();
            assertThatThrownBy(BasinContext::require).isInstanceOf(NoBasinInContextException.class);
            return null;
        });
    }

    @Test
    void a_scope_is_closed_even_when_the_work_fails() {
        assertThatThrownBy(() -> BasinContext.runIn(VALENCIENNOIS, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(BasinContext.isEmpty()).isTrue();
    }

    @Test
    void a_pooled_thread_never_keeps_a_previous_tasks_basin() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> BasinContext.runIn(VALENCIENNOIS, () -> { })).get();
            AtomicReference<Optional<BasinId>> seen = new AtomicReference<>();
            pool.submit(() -> seen.set(BasinContext.current())).get();
            assertThat(seen.get()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_child_thread_does_not_inherit_the_basin() throws Exception {
        AtomicReference<Optional<BasinId>> seen = new AtomicReference<>();
        try (BasinContext.Scope ignored = BasinContext.open(VALENCIENNOIS)) {
            Thread child = new Thread(() -> seen.set(BasinContext.current()));
            child.start();
            child.join();
        }
        assertThat(seen.get()).isEmpty();
    }
}
