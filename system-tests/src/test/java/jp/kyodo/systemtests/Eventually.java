package jp.kyodo.systemtests;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for something that happens asynchronously in the system under test (an event reaching another service's
 * read model, a draft created by a consumer): the probe is repeated until it yields a value or the time is up.
 */
public final class Eventually {

    /** How long cross-service effects (outbox → Kafka → consumer) may take on a loaded two-core machine. */
    public static final Duration CROSS_SERVICE = Duration.ofSeconds(60);

    private static final Duration PAUSE = Duration.ofMillis(250);

    private Eventually() {
    }

    /** The first value {@code probe} yields within {@code timeout}; the failure names {@code what} and the last result. */
    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return await(what, timeout, probe, null);
    }

    /**
     * Like {@link #await(String, Duration, Supplier)}, but a {@code fatal} exception from the probe ends the wait at
     * once (an answer that waiting cannot change).
     */
    public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe,
                              Class<? extends RuntimeException> fatal) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (AssertionError | RuntimeException e) {
                if (fatal != null && fatal.isInstance(e)) {
                    throw new AssertionError(what + ": " + e.getMessage(), e);
                }
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError("not within " + timeout.toSeconds() + " s: " + what
                        + (last == null ? "" : "; last probe failed: " + last));
                if (last instanceof Throwable t) {
                    failure.addSuppressed(t);
                }
                throw failure;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Waits until {@code condition} holds. */
    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        await(what, timeout, () -> Boolean.TRUE.equals(condition.get()) ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
