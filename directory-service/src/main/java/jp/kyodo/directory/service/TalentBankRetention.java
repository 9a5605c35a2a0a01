package jp.kyodo.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * The retention period of the talent bank: entries whose consent was not renewed in time are deleted periodically
 * (and are hidden from every read from the moment they expire, before the purge runs).
 */
@ApplicationScoped
public class TalentBankRetention {

    @Inject
    TalentBankService talentBank;

    @Scheduled(every = "${kyodo.directory.talent-bank.purge-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        talentBank.purgeExpired();
    }
}
