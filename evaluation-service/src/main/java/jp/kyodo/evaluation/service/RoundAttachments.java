package jp.kyodo.evaluation.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.events.EvaluationEvents;
import jp.kyodo.kernel.AttachmentKind;
import jp.kyodo.platform.attachments.Attachment;
import jp.kyodo.platform.attachments.AttachmentEvent;
import jp.kyodo.platform.attachments.AttachmentTarget;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.attachments.IncomingFile;
import jp.kyodo.platform.attachments.UploadForm;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;

/**
 * Files of an evaluation round: minutes of the reflection meeting (振り返り記録), activity reports and the third-party
 * assessment's material. The parties attach them until the round is closed; once CLOSED or PUBLISHED the files are
 * part of the record and stay. Whoever reads the round's plan reads its files.
 */
@ApplicationScoped
public class RoundAttachments {

    public static final String AGGREGATE = "EvaluationRound";
    public static final String ROUND = "ROUND";
    static final Set<AttachmentKind> KINDS = Set.of(AttachmentKind.REFLECTION_RECORD, AttachmentKind.ACTIVITY_REPORT,
            AttachmentKind.THIRD_PARTY_MATERIAL, AttachmentKind.OTHER);

    @Inject
    EvaluationAccess access;

    @Inject
    Attachments attachments;

    @Inject
    EvaluationEvents events;

    @Inject
    AuditTrail audit;

    public static AttachmentTarget of(UUID roundId) {
        return new AttachmentTarget(AGGREGATE, roundId, ROUND, roundId);
    }

    @Transactional
    public Attachment attach(UUID roundId, UploadForm form) {
        IncomingFile file = attachments.check(form);
        AttachmentKind kind = form.kindAmong(AttachmentKind.class, KINDS);
        boolean isPublic = form.publicUnless(kind.personalData());
        EvaluationRound round = Lookup.round(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        access.requirePartyMember(plan, form.requireActingFor());
        requireOpenForFiles(round);
        Attachment a = attachments.store(of(roundId), kind.name(), file, isPublic, access.viewer().subject(),
                form.actingFor);
        round.countChange();
        audit.record(AuditRecord.of(AGGREGATE, roundId, round.version, "attachment-added").actingFor(form.actingFor)
                .details(Map.of("attachmentId", a.id.toString(), "kind", a.kind, "sha256", a.sha256)));
        events.attachmentAdded(AttachmentEvent.of(a, round.version));
        return a;
    }

    public List<Attachment> list(UUID roundId) {
        EvaluationRound round = Lookup.round(roundId);
        access.requireReader(Lookup.plan(round.planId));
        return attachments.list(of(roundId));
    }

    public Attachment readable(UUID roundId, UUID attachmentId) {
        EvaluationRound round = Lookup.round(roundId);
        access.requireReader(Lookup.plan(round.planId));
        return attachments.find(roundId, attachmentId);
    }

    @Transactional
    public void remove(UUID roundId, UUID attachmentId, UUID actingFor) {
        EvaluationRound round = Lookup.round(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        if (actingFor == null) {
            throw ProblemException.invalidField("actingFor", "Name the organisation you act for.",
                    "代理する団体を指定してください。");
        }
        access.requirePartyMember(plan, actingFor);
        Attachment a = attachments.find(roundId, attachmentId);
        requireOpenForFiles(round);
        attachments.remove(a);
        round.countChange();
        audit.record(AuditRecord.of(AGGREGATE, roundId, round.version, "attachment-removed").actingFor(actingFor)
                .details(Map.of("attachmentId", a.id.toString(), "kind", a.kind)));
        events.attachmentRemoved(AttachmentEvent.of(a, round.version));
    }

    private static void requireOpenForFiles(EvaluationRound round) {
        if (round.status == RoundStatus.CLOSED || round.status == RoundStatus.PUBLISHED) {
            throw new ProblemException(Attachments.ATTACHMENT_FROZEN, LocalizedText.of(
                    "The round is " + round.status + "; its files are part of the record.",
                    "評価ラウンドは終了しているため添付書類は変更できません。"));
        }
    }
}
