package org.alize.tenancy;

import java.util.Optional;

import org.alize.kernel.Digests;

/**
 * The idempotency key of the command the current thread runs, scoped to its caller, basin, method and
 * path ({@link #value()} is a digest of all of them), and whether this run resumes one that was cut
 * (the service died, or the request hung, before its answer was kept).
 *
 * <p>While a key is open, {@link Ids#next} derives the ids it hands out from the key: a resumed run
 * creates the same ids as the cut one, so an aggregate the cut run had already written is recognised
 * instead of created a second time. Aggregates remember the last keys that changed them for the same
 * reason. Held in a plain thread-local, opened and closed around one request.
 */
public record CommandKey(String value, boolean resumed) {

    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

    private static final class Open {
        private final CommandKey key;
        private int issued;
        private final java.util.Set<String> written = new java.util.HashSet<>();

        Open(CommandKey key) {
            this.key = key;
        }
    }

    /**
     * Notes that this run of the command has written the aggregate {@code reference} (its collection and id):
     * a second save of it in the same run is this run's own, not the trace of an earlier run.
     */
    public static void wrote(String reference) {
        Open open = CURRENT.get();
        if (open != null) {
            open.written.add(reference);
        }
    }

    /** Whether this run of the command has already written the aggregate {@code reference}. */
    public static boolean hasWritten(String reference) {
        Open open = CURRENT.get();
        return open != null && open.written.contains(reference);
    }

    public CommandKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a command key is required");
        }
    }

    /** The key of a request: a digest of who sends it, where, and the key the client chose. */
    public static CommandKey of(String subject, String basin, String method, String path, String clientKey,
            boolean resumed) {
        return new CommandKey(Digests.sha256Hex(subject + "\n" + basin + "\n" + method + " " + path + "\n" + clientKey), resumed);
    }

    public static Optional<CommandKey> current() {
        Open open = CURRENT.get();
        return open == null ? Optional.empty() : Optional.of(open.key);
    }

    /** Opens {@code key} on this thread until the returned scope is closed (try-with-resources). */
    public static Scope open(CommandKey key) {
        Open previous = CURRENT.get();
        CURRENT.set(new Open(key));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The n-th id this command hands out, the same on every run of the same command; empty outside a command. */
    static Optional<String> nextDerivedTail(int hexDigits) {
        Open open = CURRENT.get();
        if (open == null) {
            return Optional.empty();
        }
        int n = open.issued++;
        return Optional.of(Digests.sha256Hex(open.key.value + "#" + n).substring(0, hexDigits));
    }

    /** Closes the key opened, restoring what was there before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
