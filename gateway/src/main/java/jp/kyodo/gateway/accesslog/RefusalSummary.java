package jp.kyodo.gateway.accesslog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts the rate limit's refusals per client between two flushes. The first refusal of a client in an interval is
 * logged in full (the caller learns that refusals started); the others only add to a count, written at the next
 * {@link #flush()} as one line per client. At most {@code maxClients} clients are counted by name; refusals of any
 * further ones go into one line for all of them, so a flood from many addresses stays a bounded number of lines too.
 */
final class RefusalSummary {

    static final String OTHERS = "other clients";

    private final Duration interval;
    private final int maxClients;
    private final Consumer<String> log;
    private final Map<String, AtomicLong> suppressed = new ConcurrentHashMap<>();
    private final AtomicLong others = new AtomicLong();

    RefusalSummary(Duration interval, int maxClients, Consumer<String> log) {
        this.interval = interval;
        this.maxClients = maxClients;
        this.log = log;
    }

    /** Whether this refusal is the client's first in the interval (log it); otherwise it is counted. */
    boolean firstOf(String client) {
        AtomicLong count = suppressed.get(client);
        if (count != null) {
            count.incrementAndGet();
            return false;
        }
        if (suppressed.size() >= maxClients) {
            others.incrementAndGet();
            return false;
        }
        return suppressed.putIfAbsent(client, new AtomicLong()) == null;
    }

    /** Writes one line per client refused more than once since the last flush, and starts a new interval. */
    void flush() {
        for (String client : suppressed.keySet()) {
            AtomicLong count = suppressed.remove(client);
            long n = count == null ? 0 : count.get();
            if (n > 0) {
                log.accept(client + ": " + n + " more requests refused (429 Too Many Requests) in the last "
                        + interval.toSeconds() + " s");
            }
        }
        long rest = others.getAndSet(0);
        if (rest > 0) {
            log.accept(OTHERS + ": " + rest + " requests refused (429 Too Many Requests) in the last "
                    + interval.toSeconds() + " s");
        }
    }
}
