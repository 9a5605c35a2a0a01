package jp.kyodo.platform.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every audited change of an aggregate is announced: the audit entry of a change that produced version N of
 * aggregate A is matched, in the same transaction, by an event of A at version N in the outbox, unless the entry
 * says why the change is no domain event ({@link AuditRecord#unannounced}).
 * <p>
 * Checked when the transaction commits, where {@value #SWITCH} is on: the platform turns it on in the test profile,
 * so every component test of every service asserts it for each write it makes; a transaction that breaks it fails
 * to commit, naming the change. Production leaves it off (a missing event is a bug, but must not cost a user their
 * write); the system tests compare the whole run's audit trails with the topics instead.
 */
@ApplicationScoped
public class EveryChangeAnnounced {

    public static final String SWITCH = "kyodo.audit.require-events";

    private static final Logger LOG = Logger.getLogger(EveryChangeAnnounced.class);

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = SWITCH, defaultValue = "false")
    boolean required;

    /** An audit entry was written in the current transaction. */
    void audited(AuditRecord change) {
        if (required && change.announced()) {
            ledger(change.describe()).audited.add(change);
        }
    }

    /** An event of the aggregate at this version was written to the outbox in the current transaction. */
    public void announced(UUID aggregateId, long version) {
        if (required) {
            ledger("an event of " + aggregateId).announced.add(key(aggregateId, version));
        }
    }

    private Ledger ledger(String what) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException(what + " was written outside a transaction: a change and its event "
                    + "must commit together");
        }
        Ledger ledger = (Ledger) transactions.getResource(Ledger.class);
        if (ledger == null) {
            ledger = new Ledger();
            transactions.putResource(Ledger.class, ledger);
            transactions.registerInterposedSynchronization(ledger);
        }
        return ledger;
    }

    private static String key(UUID aggregateId, long version) {
        return aggregateId + "@" + version;
    }

    /** What one transaction audited and announced. */
    static final class Ledger implements Synchronization {

        final List<AuditRecord> audited = new ArrayList<>();
        final Set<String> announced = new HashSet<>();

        @Override
        public void beforeCompletion() {
            List<String> silent = audited.stream()
                    .filter(change -> !announced.contains(key(change.aggregateId(), change.aggregateVersion())))
                    .map(AuditRecord::describe).toList();
            if (!silent.isEmpty()) {
                String message = "Audited changes without an event of the same aggregate and version in their "
                        + "transaction: " + silent + ". Publish the event (after flushing, with the version the change "
                        + "produced), or record the change as AuditRecord.unannounced(why).";
                LOG.error(message);
                throw new IllegalStateException(message);
            }
        }

        @Override
        public void afterCompletion(int status) {
        }
    }
}
