package jp.kyodo.directory.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;
import jp.kyodo.directory.domain.ConsentRenewal;
import jp.kyodo.directory.domain.TalentEntry;
import jp.kyodo.platform.outbox.OutboxRelayService;
import jp.kyodo.platform.tasks.TaskPublisher;

/**
 * Asks people to renew their talent-bank consent before it lapses: a step opened by time, not by a change, so a
 * scheduled job publishes it, on the instance whose outbox relay leads (one across replicas). Each entry records the
 * expiry it was asked about, so running the job again asks no one twice.
 */
@ApplicationScoped
public class TalentConsentRenewal {

    @Inject
    TaskPublisher tasks;

    @Inject
    OutboxRelayService relay;

    @Inject
    Clock clock;

    /** How long before expiry the person is asked (default 30 days). */
    @ConfigProperty(name = "kyodo.directory.talent-bank.renewal-warning", defaultValue = "P30D")
    Period warnBefore;

    @Scheduled(every = "${kyodo.directory.talent-bank.purge-every}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        if (relay.isLeader()) {
            askDue();
        }
    }

    /** Opens the renewal task of every entry that lapses soon and was not asked yet; returns how many. */
    @Transactional
    public int askDue() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ConsentRenewal rule = new ConsentRenewal(warnBefore);
        List<TalentEntry> soon = TalentEntry.list("expiresAt > ?1 and expiresAt <= ?2", now, now.plus(warnBefore));
        int asked = 0;
        for (TalentEntry entry : soon) {
            if (rule.isDue(entry, now)) {
                tasks.opened(ConsentRenewal.open(entry));
                entry.renewalAskedFor = entry.expiresAt;
                asked++;
            }
        }
        return asked;
    }

    /** Consent was renewed: the question about the previous expiry is answered. */
    public void renewed(TalentEntry entry) {
        if (entry.renewalAskedFor != null) {
            tasks.completed(ConsentRenewal.task(entry, entry.renewalAskedFor));
            entry.renewalAskedFor = null;
        }
    }

    /** The entry is gone (withdrawn or lapsed): nothing waits any more. */
    public void ended(TalentEntry entry, String reason) {
        if (entry.renewalAskedFor != null) {
            tasks.cancelled(ConsentRenewal.task(entry, entry.renewalAskedFor), reason);
        }
    }
}
