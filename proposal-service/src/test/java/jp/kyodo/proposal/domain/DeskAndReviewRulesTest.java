package jp.kyodo.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.proposal.domain.committee.AgendaItem;
import jp.kyodo.proposal.domain.committee.Committee;
import jp.kyodo.proposal.domain.committee.CommitteeMeeting;
import jp.kyodo.proposal.domain.committee.CommitteeMember;
import jp.kyodo.proposal.domain.committee.Quorum;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriodRules;
import jp.kyodo.proposal.domain.publiccomment.OpinionGroup;
import jp.kyodo.proposal.domain.publiccomment.ResponseKind;

/** The named rules of committees and public comment, without a server. */
class DeskAndReviewRulesTest {

    static final LocalDate DAY = LocalDate.of(2027, 7, 15);

    static CommitteeMember member(String subject, LocalDate from, LocalDate to) {
        return new CommitteeMember(subject, CommitteeMember.Role.MEMBER, CommitteeMember.Category.EXPERT, null, from, to);
    }

    static Committee committee(Integer quorum, CommitteeMember... members) {
        Committee c = new Committee();
        c.members = List.of(members);
        c.quorum = quorum;
        return c;
    }

    static CommitteeMeeting heldWith(String... present) {
        CommitteeMeeting m = new CommitteeMeeting();
        m.scheduledAt = Instant.parse("2027-07-15T05:00:00Z");
        m.heldAt = m.scheduledAt;
        m.agenda = List.of(new AgendaItem("審査", List.of(UUID.randomUUID())));
        m.attendance = List.of(present);
        return m;
    }

    @Test
    void theQuorumIsAMajorityOfTheMembersInOfficeAndConflictedMembersDoNotCount() {
        Committee c = committee(null, member("a", DAY.minusYears(1), DAY.plusYears(1)),
                member("b", DAY.minusYears(1), DAY.plusYears(1)), member("c", DAY.minusYears(1), DAY.plusYears(1)),
                member("d", DAY.minusYears(1), DAY.plusYears(1)), member("retired", DAY.minusYears(3), DAY.minusDays(1)));
        assertThat(Quorum.at(c, heldWith("a", "b"), Set.of()).required()).isEqualTo(3);
        assertThat(Quorum.at(c, heldWith("a", "b", "c"), Set.of()).isMet()).isTrue();
        assertThat(Quorum.at(c, heldWith("a", "b", "c"), Set.of("c")).isMet()).isFalse();
        assertThat(Quorum.at(c, heldWith("a", "b", "retired"), Set.of()).countedMembers()).containsExactly("a", "b");
        assertThat(Quorum.at(committee(2, c.members.toArray(CommitteeMember[]::new)), heldWith("a", "d"), Set.of())
                .isMet()).isTrue();
    }

    @Test
    void aPeriodShorterThanTheMinimumNeedsItsReasonAndOnlyItMayGiveOne() {
        LocalDate today = LocalDate.of(2027, 5, 1);
        assertThat(CommentPeriodRules.periodProblems(today, today.plusDays(29), null, 30, today)).isEmpty();
        assertThat(fields(CommentPeriodRules.periodProblems(today, today.plusDays(28), null, 30, today)))
                .containsExactly("shortPeriodReason");
        assertThat(CommentPeriodRules.periodProblems(today, today.plusDays(9), "施行日に間に合わせるため", 30, today)).isEmpty();
        assertThat(fields(CommentPeriodRules.periodProblems(today, today.plusDays(40), "不要な理由", 30, today)))
                .containsExactly("shortPeriodReason");
        assertThat(fields(CommentPeriodRules.periodProblems(today.minusDays(1), today.plusDays(40), null, 30, today)))
                .containsExactly("opensOn");
    }

    @Test
    void theResultCoversEveryCommentInExactlyOneGroup() {
        List<OpinionGroup> groups = List.of(group(1, 2), group(3));
        assertThat(CommentPeriodRules.resultProblems(groups, 3)).isEmpty();
        assertThat(CommentPeriodRules.uncovered(groups, 4)).containsExactly(4);
        assertThat(fields(CommentPeriodRules.resultProblems(List.of(group(1, 2), group(2)), 3)))
                .containsExactly("groups[1].receiptNumbers[0]");
        assertThat(fields(CommentPeriodRules.resultProblems(List.of(group(5)), 3)))
                .containsExactly("groups[0].receiptNumbers[0]");
    }

    private static OpinionGroup group(Integer... numbers) {
        return new OpinionGroup(1, null, "概要", List.of(numbers), "市の考え方", ResponseKind.OTHER, null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
