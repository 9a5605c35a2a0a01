package jp.kyodo.platform.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what happens asynchronously (an event consumed, a relay run) without a fixed sleep. */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(25);

    private Await() {
    }

    /** Returns as soon as the condition holds; fails naming {@code what} after the timeout. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
