package jp.kyodo.proposal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.TaskPublisher;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.ProposalTasks;
import jp.kyodo.proposal.domain.ReviewerScore;
import jp.kyodo.proposal.domain.Screening;

/**
 * Sets the due dates of a proposal's steps (shown in its views) and publishes its task facts in the transaction of the
 * change that opens or ends them.
 */
@ApplicationScoped
public class ProposalTaskFacts {

    @Inject
    TaskPublisher tasks;

    @Inject
    Clock clock;

    /** How long the department has to reply to a submission (default 14 days). */
    @ConfigProperty(name = "kyodo.proposals.due.reply", defaultValue = "P14D")
    Period replyPeriod;

    /** How long the committee has to score (default 21 days). */
    @ConfigProperty(name = "kyodo.proposals.due.screening", defaultValue = "P21D")
    Period screeningPeriod;

    public void submitted(Proposal proposal) {
        proposal.replyDueOn = dueAfter(replyPeriod);
        tasks.opened(ProposalTasks.replyTask(proposal, proposal.replyDueOn));
    }

    public void consultationOpened(Proposal proposal) {
        proposal.replyDueOn = null;
        tasks.completed(ProposalTasks.reply(proposal));
    }

    public void screeningOpened(Proposal proposal, Screening screening) {
        screening.scoresDueOn = dueAfter(screeningPeriod);
        ProposalTasks.scoreTasks(proposal, screening).forEach(tasks::opened);
    }

    public void scored(Screening screening, String reviewer) {
        tasks.completed(ProposalTasks.score(screening, reviewer));
    }

    /** The proposal ended (decided, withdrawn, not pursued) coming from {@code from}: what it waited for no longer waits. */
    public void ended(Proposal proposal, ProposalStatus from, String reason) {
        if (from == ProposalStatus.SUBMITTED) {
            proposal.replyDueOn = null;
            tasks.cancelled(ProposalTasks.reply(proposal), reason);
        }
        if (from == ProposalStatus.UNDER_SCREENING) {
            Screening screening = Screening.findById(proposal.id);
            if (screening != null) {
                screening.reviewers.stream().filter(r -> !ReviewerScore.submitted(proposal.id, r))
                        .forEach(r -> tasks.cancelled(ProposalTasks.score(screening, r), reason));
            }
        }
    }

    private LocalDate dueAfter(Period period) {
        return OfficeCalendar.dueOn(LocalDate.now(clock.withZone(FiscalYear.CITY_ZONE)), period);
    }
}
