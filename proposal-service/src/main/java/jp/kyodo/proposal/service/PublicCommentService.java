package jp.kyodo.proposal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriod;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriodRules;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriodStatus;
import jp.kyodo.proposal.domain.publiccomment.CommentSubjectKind;
import jp.kyodo.proposal.domain.publiccomment.CommenterEligibility;
import jp.kyodo.proposal.domain.publiccomment.CommenterRelation;
import jp.kyodo.proposal.domain.publiccomment.OpinionGroup;
import jp.kyodo.proposal.domain.publiccomment.PublicComment;
import jp.kyodo.proposal.events.PublicCommentEvents;

/**
 * Public comment (意見公募): a department opens a period on a draft, citizens comment (signed in, or without an
 * account where the city allows it), and the department publishes the opinions summarised with its view. The
 * commenters' names and addresses are read by the department's staff only.
 */
@ApplicationScoped
public class PublicCommentService {

    /** What a new period says; validated by the resource. */
    public record Announcement(UUID departmentId, CommentSubjectKind subjectKind, String title, String body,
            CommenterEligibility eligibility, boolean anonymousAllowed, LocalDate opensOn, LocalDate closesOn,
            String shortPeriodReason) {
    }

    /** What a commenter sends. */
    public record Submission(String name, String address, CommenterRelation relation, String workplaceOrSchool,
            String body) {
    }

    @Inject
    ProposalAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    PublicCommentEvents events;

    @ConfigProperty(name = "kyodo.proposals.public-comment.minimum-days", defaultValue = "30")
    int minimumDays;

    @Transactional
    public CommentPeriod open(Announcement a) {
        access.requireDepartmentStaff(a.departmentId());
        List<FieldError> errors = CommentPeriodRules.periodProblems(a.opensOn(), a.closesOn(), a.shortPeriodReason(),
                minimumDays, CommentPeriod.today());
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        CommentPeriod period = new CommentPeriod();
        period.id = UUID.randomUUID();
        period.departmentId = a.departmentId();
        period.subjectKind = a.subjectKind();
        period.title = a.title().strip();
        period.body = a.body();
        period.eligibility = a.eligibility() == null ? CommenterEligibility.CITY_RESIDENTS_WORKERS_STUDENTS
                : a.eligibility();
        period.anonymousAllowed = a.anonymousAllowed();
        period.opensOn = a.opensOn();
        period.closesOn = a.closesOn();
        period.shortPeriodReason = blankToNull(a.shortPeriodReason());
        period.status = CommentPeriodStatus.OPEN;
        period.createdBy = access.subject();
        period.createdAt = Instant.now();
        period.persistAndFlush();
        audit.record(AuditRecord.of("CommentPeriod", period.id, period.version, "opened").transition(null, period.status)
                .actingFor(a.departmentId()).reason(period.shortPeriodReason)
                .details(Map.of("opensOn", period.opensOn.toString(), "closesOn", period.closesOn.toString())));
        events.opened(period);
        return period;
    }

    /**
     * A comment: from a signed-in person, or without an account where the period allows it. The period's row is
     * locked so that receipt numbers are gapless and the period's version grows by one per comment.
     */
    @Transactional
    public PublicComment comment(UUID periodId, Submission s) {
        CommentPeriod period = CommentPeriod.findById(periodId, LockModeType.PESSIMISTIC_WRITE);
        if (period == null) {
            throw ProblemException.notFound("No such public comment period.", "意見公募が見つかりません。");
        }
        if (access.isAnonymous() && !period.anonymousAllowed) {
            access.subject();
        }
        if (!period.acceptsCommentsOn(CommentPeriod.today())) {
            throw ProblemException.conflict("Comments are accepted from " + period.opensOn + " to " + period.closesOn
                    + ".", "意見の受付期間は " + period.opensOn + " から " + period.closesOn + " までです。");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!period.eligibility.admits(s.relation())) {
            errors.add(FieldError.of("relation", "This consultation takes comments from people who live, work or study "
                    + "in the city, or have a business here.", "この意見公募に意見を提出できるのは市内在住・在勤・在学の方、市内に事業所を有する方です。"));
        }
        if (s.relation().namesWorkplaceOrSchool() && blankToNull(s.workplaceOrSchool()) == null) {
            errors.add(FieldError.of("workplaceOrSchool", "Name the workplace or school in the city.",
                    "市内の勤務先または学校名を記入してください。"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        period.commentCount = period.commentCount + 1;
        PublicComment comment = new PublicComment();
        comment.id = UUID.randomUUID();
        comment.periodId = periodId;
        comment.receiptNumber = period.commentCount;
        comment.commenterName = s.name().strip();
        comment.commenterAddress = s.address().strip();
        comment.relation = s.relation();
        comment.workplaceOrSchool = blankToNull(s.workplaceOrSchool());
        comment.body = s.body();
        comment.signedInSubject = access.isAnonymous() ? null : access.subject();
        comment.receivedAt = Instant.now();
        comment.persist();
        period.flush();
        audit.record(AuditRecord.of("CommentPeriod", periodId, period.version, "comment-received")
                .details(Map.of("receiptNumber", comment.receiptNumber)));
        events.commentReceived(period, comment);
        return comment;
    }

    public CommentPeriod read(UUID periodId) {
        return CommentPeriod.require(periodId);
    }

    public List<CommentPeriod> list(Cursor after, int fetchSize) {
        if (after == null) {
            return CommentPeriod.find("order by opensOn desc, id desc").page(0, fetchSize).list();
        }
        return CommentPeriod.find("opensOn < ?1 or (opensOn = ?1 and id < ?2) order by opensOn desc, id desc",
                LocalDate.parse(after.value(0)), UUID.fromString(after.value(1))).page(0, fetchSize).list();
    }

    /** The comments with who sent them: the department's staff only. */
    public List<PublicComment> comments(UUID periodId, Cursor after, int fetchSize) {
        CommentPeriod period = CommentPeriod.require(periodId);
        access.requireDepartmentStaff(period.departmentId);
        int from = after == null ? 0 : Integer.parseInt(after.value(0));
        return PublicComment.find("periodId = ?1 and receiptNumber > ?2 order by receiptNumber", periodId, from)
                .page(0, fetchSize).list();
    }

    /** The department prepares the summary once the period has ended; it can be revised until published. */
    @Transactional
    public CommentPeriod draftResult(UUID periodId, IfMatch ifMatch, UUID actingFor, List<OpinionGroup> groups) {
        CommentPeriod period = CommentPeriod.require(periodId);
        requireRunningDepartment(period, actingFor);
        ifMatch.requireCurrent(period.version);
        requireEndedAndUnpublished(period);
        List<FieldError> errors = CommentPeriodRules.resultProblems(groups, period.commentCount);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        period.result = List.copyOf(groups);
        period.flush();
        audit.record(AuditRecord.of("CommentPeriod", periodId, period.version, "result-drafted").actingFor(actingFor)
                .details(Map.of("groups", groups.size())));
        events.resultDrafted(period);
        return period;
    }

    @Transactional
    public CommentPeriod publishResult(UUID periodId, IfMatch ifMatch, UUID actingFor) {
        CommentPeriod period = CommentPeriod.require(periodId);
        requireRunningDepartment(period, actingFor);
        ifMatch.requireCurrent(period.version);
        requireEndedAndUnpublished(period);
        List<OpinionGroup> groups = period.result == null ? List.of()
                : period.result;
        List<Integer> uncovered = CommentPeriodRules.uncovered(groups, period.commentCount);
        if (!uncovered.isEmpty()) {
            throw ProblemException.conflict("The summary does not cover the comments " + uncovered + " yet.",
                    "受付番号 " + uncovered + " の意見が意見の概要に含まれていません。");
        }
        CommentPeriodStatus from = period.status;
        period.status = CommentPeriodStatus.RESULT_PUBLISHED;
        period.resultPublishedAt = Instant.now();
        period.flush();
        audit.record(AuditRecord.of("CommentPeriod", periodId, period.version, "result-published")
                .transition(from, period.status).actingFor(actingFor));
        events.resultPublished(period);
        return period;
    }

    /** The published result for everyone; the draft for the department's staff. */
    public CommentPeriod result(UUID periodId) {
        CommentPeriod period = CommentPeriod.require(periodId);
        if (period.status == CommentPeriodStatus.RESULT_PUBLISHED) {
            return period;
        }
        access.subject();
        if (!access.isMemberOf(period.departmentId)) {
            throw ProblemException.notFound("The result is not published yet.", "結果はまだ公表されていません。");
        }
        return period;
    }

    private void requireRunningDepartment(CommentPeriod period, UUID actingFor) {
        access.requireDepartmentStaff(actingFor);
        if (!period.departmentId.equals(actingFor)) {
            throw ProblemException.forbidden("Another department runs this public comment period.",
                    "この意見公募は別の所管課が実施しています。");
        }
    }

    private static void requireEndedAndUnpublished(CommentPeriod period) {
        if (period.status == CommentPeriodStatus.RESULT_PUBLISHED) {
            throw ProblemException.conflict("The result is published already.", "結果は公表済みです。");
        }
        if (!period.hasEndedBy(CommentPeriod.today())) {
            throw ProblemException.conflict("The result is prepared after the period ends on " + period.closesOn + ".",
                    "結果は意見提出期間（" + period.closesOn + " まで）の終了後に作成します。");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
