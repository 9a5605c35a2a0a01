package jp.kyodo.proposal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Erases lapsed contacts of the desk's visitors on a schedule ({@code kyodo.proposals.desk.purge-every}). */
@ApplicationScoped
public class DeskRetention {

    @Inject
    IntakeService intakes;

    @Scheduled(every = "${kyodo.proposals.desk.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void eraseLapsedContacts() {
        intakes.eraseLapsedContacts();
    }
}
