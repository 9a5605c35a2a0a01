package jp.kyodo.platform.objectstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes objects no record refers to once their grace period has passed: what an upload interrupted between
 * storing the file and committing its record left behind (the record never committed, so nobody can see the file).
 */
@ApplicationScoped
public class OrphanSweep {

    private static final Logger LOG = Logger.getLogger(OrphanSweep.class);

    @Inject
    ObjectStore store;

    @Inject
    ObjectStoreConfig config;

    @Inject
    Instance<ObjectReferences> references;

    @Scheduled(every = "${kyodo.object-store.sweep-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            sweep(Instant.now().minus(config.orphanGracePeriod()));
        } catch (ObjectStoreUnavailable e) {
            LOG.debug("object store unavailable; the sweep waits for the next round");
        }
    }

    /** Deletes unreferenced objects stored before {@code olderThan}; returns their keys. */
    public List<String> sweep(Instant olderThan) {
        List<String> candidates = store.list("").stream().filter(o -> o.lastModified().isBefore(olderThan))
                .map(ObjectStore.StoredObject::key).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<String> kept = new HashSet<>();
        for (ObjectReferences r : references) {
            kept.addAll(r.referenced(candidates));
        }
        List<String> deleted = new ArrayList<>();
        for (String key : candidates) {
            if (!kept.contains(key)) {
                store.delete(key);
                deleted.add(key);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.infof("deleted %d object(s) without a record: %s", deleted.size(), deleted);
        }
        return deleted;
    }
}
