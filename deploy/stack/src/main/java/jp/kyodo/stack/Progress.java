package jp.kyodo.stack;

import java.util.Locale;
import java.util.function.Consumer;

/** One line per step, prefixed with the time since the stack was created. */
final class Progress {

    private final long origin = System.nanoTime();
    private final Consumer<String> sink;

    Progress(Consumer<String> sink) {
        this.sink = sink;
    }

    void step(String message) {
        sink.accept(String.format(Locale.ROOT, "[kyodo-stack %6.1fs] %s", (System.nanoTime() - origin) / 1e9, message));
    }

    /** Seconds since {@code startNanos}, formatted like "6.1 s". */
    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
