package jp.kyodo.proposal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskRef;

/**
 * What a proposal waits for, by this service's rules: the department's reply to a submitted proposal (taking it into
 * consultation, or closing it), and each reviewer of the committee's scores.
 */
public final class ProposalTasks {

    public static final String AGGREGATE = "proposal";
    public static final String REPLY = "REPLY_TO_PROPOSAL";
    public static final String SCORE = "SCORE_PROPOSAL";

    private ProposalTasks() {
    }

    public static TaskRef reply(Proposal proposal) {
        return TaskRef.of(AGGREGATE, proposal.id, REPLY, TaskAddressee.organization(proposal.departmentId()));
    }

    public static OpenTask replyTask(Proposal proposal, LocalDate dueOn) {
        String title = proposal.content.title();
        return new OpenTask(reply(proposal), dueOn, proposal.departmentId(),
                "提案「" + title + "」（受付番号 " + proposal.referenceNumber + "）に回答する（協議の開始または相談終了）",
                "Reply to the proposal “" + title + "” (" + proposal.referenceNumber
                        + "): take it into consultation or close it",
                "/api/proposals/" + proposal.id);
    }

    public static TaskRef score(Screening screening, String reviewer) {
        return TaskRef.of(AGGREGATE, screening.proposalId, SCORE, TaskAddressee.person(reviewer)).occurrence(screening.round);
    }

    public static List<OpenTask> scoreTasks(Proposal proposal, Screening screening) {
        String title = proposal.content.title();
        return screening.reviewers.stream().map(reviewer -> new OpenTask(score(screening, reviewer), screening.scoresDueOn,
                proposal.departmentId(), "提案「" + title + "」を審査し採点する",
                "Score the proposal “" + title + "” as a member of its screening committee",
                "/api/proposals/" + proposal.id + "/screening")).toList();
    }

}
