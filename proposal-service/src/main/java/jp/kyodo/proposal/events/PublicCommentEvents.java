package jp.kyodo.proposal.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriod;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriodStatus;
import jp.kyodo.proposal.domain.publiccomment.CommentSubjectKind;
import jp.kyodo.proposal.domain.publiccomment.CommenterEligibility;
import jp.kyodo.proposal.domain.publiccomment.CommenterRelation;
import jp.kyodo.proposal.domain.publiccomment.OpinionGroup;
import jp.kyodo.proposal.domain.publiccomment.PublicComment;
import jp.kyodo.proposal.domain.publiccomment.ResponseKind;

/**
 * Public comment events on {@code kyodo.proposals.v1}, keyed by the period. A comment is announced by its receipt
 * number and how it came in, never by who sent it or what it says.
 */
@ApplicationScoped
public class PublicCommentEvents {

    public static final String OPENED = EventTypes.of("public-comment.opened");
    public static final String COMMENT_RECEIVED = EventTypes.of("public-comment.comment-received");
    public static final String RESULT_DRAFTED = EventTypes.of("public-comment.result-drafted");
    public static final String RESULT_PUBLISHED = EventTypes.of("public-comment.result-published");

    /** How a comment came in. */
    public enum Channel {
        SIGNED_IN, WITHOUT_ACCOUNT
    }

    public record PeriodOpened(UUID periodId, long version, UUID departmentId, CommentSubjectKind subjectKind,
            String title, CommenterEligibility eligibility, boolean anonymousAllowed, LocalDate opensOn,
            LocalDate closesOn, long days, boolean shortened, int fiscalYear, Instant openedAt) {
    }

    public record CommentReceived(UUID periodId, long version, int receiptNumber, Channel channel,
            CommenterRelation relation, int fiscalYear, Instant receivedAt) {
    }

    public record ResultChanged(UUID periodId, long version, CommentPeriodStatus status, int fiscalYear,
            int commentCount, int groupCount, Map<ResponseKind, Integer> groupsByResponse, Instant occurredAt) {
    }

    @Inject
    Outbox outbox;

    public void opened(CommentPeriod p) {
        publish(OPENED, p, new PeriodOpened(p.id, p.version, p.departmentId, p.subjectKind, p.title, p.eligibility,
                p.anonymousAllowed, p.opensOn, p.closesOn, p.days(), p.shortPeriodReason != null, p.fiscalYear(),
                p.createdAt));
    }

    public void commentReceived(CommentPeriod p, PublicComment c) {
        publish(COMMENT_RECEIVED, p, new CommentReceived(p.id, p.version, c.receiptNumber,
                c.signedInSubject == null ? Channel.WITHOUT_ACCOUNT : Channel.SIGNED_IN, c.relation, p.fiscalYear(),
                c.receivedAt));
    }

    public void resultDrafted(CommentPeriod p) {
        publish(RESULT_DRAFTED, p, result(p, Instant.now()));
    }

    public void resultPublished(CommentPeriod p) {
        publish(RESULT_PUBLISHED, p, result(p, p.resultPublishedAt));
    }

    private static ResultChanged result(CommentPeriod p, Instant when) {
        Map<ResponseKind, Integer> byResponse = new EnumMap<>(ResponseKind.class);
        for (OpinionGroup g : p.result) {
            byResponse.merge(g.response(), 1, Integer::sum);
        }
        return new ResultChanged(p.id, p.version, p.status, p.fiscalYear(), p.commentCount, p.result.size(),
                byResponse, when);
    }

    private void publish(String type, CommentPeriod p, Object payload) {
        outbox.publish(new DomainEvent(ProposalEvents.TOPIC, type, p.id, p.version, payload));
    }
}
