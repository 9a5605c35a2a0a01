package jp.kyodo.platform.failpoint;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Named places in the code where fault tests can park a thread, so that a process can be killed at an exact
 * moment (for instance between the broker's acknowledgement and marking an outbox row sent).
 * <p>
 * Nothing is armed in normal operation; a point is armed by the system property or environment variable
 * {@code KYODO_FAILPOINTS} (comma-separated names) or programmatically by a test. A parked thread logs
 * {@code failpoint parked: <name>} and blocks until the point is released or the thread interrupted.
 */
public final class Failpoints {

    public static final String OUTBOX_AFTER_ACK = "outbox.after-ack";
    public static final String INBOX_AFTER_EFFECT = "inbox.after-effect";

    private static final Logger LOG = Logger.getLogger(Failpoints.class);
    private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();
    private static final Set<String> PARKED = ConcurrentHashMap.newKeySet();
    private static volatile CountDownLatch release = new CountDownLatch(1);

    static {
        String configured = System.getProperty("kyodo.failpoints", System.getenv("KYODO_FAILPOINTS"));
        if (configured != null) {
            Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ARMED::add);
        }
    }

    private Failpoints() {
    }

    /** Parks the calling thread here if the point is armed. */
    public static void hit(String name) {
        if (!ARMED.contains(name)) {
            return;
        }
        PARKED.add(name);
        LOG.warnf("failpoint parked: %s", name);
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailpointInterrupted(name);
        } finally {
            PARKED.remove(name);
        }
    }

    public static void arm(String name) {
        ARMED.add(name);
    }

    /** Disarms every point and lets parked threads continue. */
    public static void reset() {
        ARMED.clear();
        CountDownLatch previous = release;
        release = new CountDownLatch(1);
        previous.countDown();
    }

    public static boolean isParked(String name) {
        return PARKED.contains(name);
    }

    public static boolean awaitParked(String name, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isParked(name)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Thrown in a parked thread that was interrupted: the work after the point must not happen. */
    public static final class FailpointInterrupted extends RuntimeException {
        FailpointInterrupted(String name) {
            super("interrupted while parked at failpoint " + name);
        }
    }
}
