package jp.kyodo.gateway.proxy;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.jboss.logging.Logger;

/**
 * The replicas of one service and which of them are up. Requests go round-robin over the replicas that are up;
 * one that refuses a connection or drops it is marked down at once, and the health check
 * ({@link UpstreamHealthChecks}) marks it up again when its readiness check passes. When every replica is down they
 * are all tried anyway: a service that is down answers 503 as before, one whose health check lags is not refused.
 */
public final class Replicas {

    private static final Logger LOG = Logger.getLogger(Replicas.class);

    private final String service;
    private final List<Origin> origins;
    /** 1 = up, 0 = down, per origin. */
    private final AtomicIntegerArray up;
    private final AtomicInteger next = new AtomicInteger();

    Replicas(String service, List<Origin> origins) {
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("kyodo.gateway.upstream." + service + " names no origin");
        }
        this.service = service;
        this.origins = List.copyOf(origins);
        this.up = new AtomicIntegerArray(origins.size());
        for (int i = 0; i < origins.size(); i++) {
            up.set(i, 1);
        }
    }

    public List<Origin> origins() {
        return origins;
    }

    public boolean isReplicated() {
        return origins.size() > 1;
    }

    /**
     * The next replica to send a request to, leaving out those already tried for it: one that is up if there is
     * one, else any; null when every replica has been tried.
     */
    public Origin pick(Collection<Origin> tried) {
        int n = origins.size();
        if (n == 1) {
            return tried.isEmpty() ? origins.get(0) : null;
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        Origin fallback = null;
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            Origin origin = origins.get(i);
            if (tried.contains(origin)) {
                continue;
            }
            if (up.get(i) == 1) {
                return origin;
            }
            if (fallback == null) {
                fallback = origin;
            }
        }
        return fallback;
    }

    public boolean isUp(Origin origin) {
        int i = origins.indexOf(origin);
        return i >= 0 && up.get(i) == 1;
    }

    public void markDown(Origin origin, String why) {
        int i = origins.indexOf(origin);
        if (i >= 0 && up.getAndSet(i, 0) == 1 && isReplicated()) {
            LOG.warnf("%s service replica %s is down (%s): requests go to the other replicas", service, origin, why);
        }
    }

    public void markUp(Origin origin) {
        int i = origins.indexOf(origin);
        if (i >= 0 && up.getAndSet(i, 1) == 0 && isReplicated()) {
            LOG.infof("%s service replica %s is up again", service, origin);
        }
    }
}
