package jp.kyodo.agreement.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.domain.content.AttachedFile;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.events.AgreementEvents;
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
 * Files attached to an agreement: to its working copy (specification, division of roles, drawings — listed with
 * their SHA-256 in the next frozen version, so signing it signs them) and to a partner's cost report (receipts,
 * activity report). The parties attach and remove; whoever reads the agreement reads its files; a file a frozen
 * version lists, or one of a settled report, stays.
 */
@ApplicationScoped
public class AgreementAttachments {

    public static final String AGGREGATE = "Agreement";
    public static final String WORKING_COPY = "WORKING_COPY";
    public static final String COST_REPORT = "COST_REPORT";

    static final Set<AttachmentKind> WORKING_COPY_KINDS = Set.of(AttachmentKind.SPECIFICATION,
            AttachmentKind.DIVISION_OF_ROLES, AttachmentKind.DRAWING, AttachmentKind.BUSINESS_PLAN,
            AttachmentKind.BUDGET_SHEET, AttachmentKind.OTHER);
    static final Set<AttachmentKind> COST_REPORT_KINDS = Set.of(AttachmentKind.RECEIPT, AttachmentKind.ACTIVITY_REPORT,
            AttachmentKind.OTHER);

    @Inject
    Attachments attachments;

    @Inject
    AgreementAccess access;

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    public static AttachmentTarget workingCopy(UUID agreementId) {
        return new AttachmentTarget(AGGREGATE, agreementId, WORKING_COPY, agreementId);
    }

    public static AttachmentTarget costReport(UUID agreementId, UUID reportId) {
        return new AttachmentTarget(AGGREGATE, agreementId, COST_REPORT, reportId);
    }

    /** A party attaches a file to the working copy while it is negotiated. */
    @Transactional
    public Attachment attachToWorkingCopy(UUID id, UploadForm form) {
        IncomingFile file = attachments.check(form);
        AttachmentKind kind = form.kindAmong(AttachmentKind.class, WORKING_COPY_KINDS);
        boolean isPublic = form.publicUnless(kind.personalData());
        Agreement agreement = Agreements.lock(id);
        access.requirePartyMember(agreement, form.requireActingFor());
        if (!agreement.isNegotiating()) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "ATTACHMENT_ADDED",
                    agreement.allowedTransitions());
        }
        return stored(agreement, workingCopy(id), kind, file, isPublic, form.actingFor);
    }

    /** The partner that filed a cost report attaches its receipts and activity report, until it is settled. */
    @Transactional
    public Attachment attachToCostReport(UUID id, UUID reportId, UploadForm form) {
        IncomingFile file = attachments.check(form);
        AttachmentKind kind = form.kindAmong(AttachmentKind.class, COST_REPORT_KINDS);
        boolean isPublic = form.publicUnless(kind.personalData());
        Agreement agreement = Agreements.lock(id);
        Party party = access.requirePartyMember(agreement, form.requireActingFor());
        CostReport report = report(id, reportId);
        if (!party.organizationId().equals(report.organizationId)) {
            throw ProblemException.forbidden("Only the party that filed the report attaches to it.",
                    "実績報告への添付は報告した当事者のみが行えます。");
        }
        requireUnsettled(report);
        return stored(agreement, costReport(id, reportId), kind, file, isPublic, form.actingFor);
    }

    public List<Attachment> ofPart(UUID id, AttachmentTarget target) {
        access.requireReader(Agreements.find(id));
        if (target.partKind().equals(COST_REPORT)) {
            report(id, target.partId());
        }
        return attachments.list(target);
    }

    /** What the next frozen version lists (別添). */
    public List<AttachedFile> ofWorkingCopy(UUID agreementId) {
        return attachments.list(workingCopy(agreementId)).stream().map(a -> new AttachedFile(a.id, a.kind, a.fileName,
                a.mediaType, a.sizeBytes, a.sha256)).toList();
    }

    /** Whether the working copy has a file of this kind (a form's procedure may require one before freezing). */
    public boolean workingCopyHas(UUID agreementId, AttachmentKind kind) {
        return attachments.has(workingCopy(agreementId), kind.name());
    }

    public Attachment readable(UUID id, UUID attachmentId) {
        access.requireReader(Agreements.find(id));
        return attachments.find(id, attachmentId);
    }

    /** A public file of an agreement whose summary is public. */
    public Attachment publicFile(UUID id, UUID attachmentId) {
        Agreement agreement = Agreements.find(id);
        Attachment a = attachments.find(id, attachmentId);
        if (!agreement.isPublic() || !a.isPublic) {
            throw ProblemException.notFound("No such public file.", "公開されている添付書類はありません。");
        }
        return a;
    }

    public List<Attachment> publicFiles(UUID agreementId) {
        return Attachment.ofAggregate(agreementId).stream().filter(a -> a.isPublic).toList();
    }

    /** A party removes a file: not one a frozen version lists, nor one of a settled report (409). */
    @Transactional
    public void remove(UUID id, UUID attachmentId, UUID actingFor) {
        Agreement agreement = Agreements.lock(id);
        Party party = access.requirePartyMember(agreement, requireActingFor(actingFor));
        Attachment a = attachments.find(id, attachmentId);
        if (a.partKind.equals(WORKING_COPY)) {
            if (frozenIn(id, a.id)) {
                throw frozen("A frozen version lists this file; it stays with that version.",
                        "確定した版に記載された添付書類のため削除できません。");
            }
        } else {
            CostReport report = report(id, a.partId);
            if (!party.organizationId().equals(report.organizationId)) {
                throw ProblemException.forbidden("Only the party that filed the report removes its files.",
                        "実績報告の添付書類は報告した当事者のみが削除できます。");
            }
            requireUnsettled(report);
        }
        attachments.remove(a);
        agreement.filesChanged();
        agreement.flush();
        audit.record(AuditRecord.of(AGGREGATE, id, agreement.version, "attachment-removed").actingFor(actingFor)
                .details(java.util.Map.of("attachmentId", a.id.toString(), "kind", a.kind, "partKind", a.partKind)));
        events.attachmentRemoved(AttachmentEvent.of(a, agreement.version));
    }

    private Attachment stored(Agreement agreement, AttachmentTarget target, AttachmentKind kind, IncomingFile file,
            boolean isPublic, UUID actingFor) {
        Attachment a = attachments.store(target, kind.name(), file, isPublic, access.subject(), actingFor);
        agreement.filesChanged();
        agreement.flush();
        audit.record(AuditRecord.of(AGGREGATE, agreement.id, agreement.version, "attachment-added").actingFor(actingFor)
                .details(java.util.Map.of("attachmentId", a.id.toString(), "kind", a.kind, "partKind", a.partKind,
                        "sha256", a.sha256)));
        events.attachmentAdded(AttachmentEvent.of(a, agreement.version));
        return a;
    }

    private static boolean frozenIn(UUID agreementId, UUID attachmentId) {
        return AgreementVersion.allOf(agreementId).stream().anyMatch(v -> CanonicalJson.read(v.content).attachments()
                .stream().anyMatch(f -> f.attachmentId().equals(attachmentId)));
    }

    private static CostReport report(UUID agreementId, UUID reportId) {
        CostReport report = CostReport.findById(reportId);
        if (report == null || !report.agreementId.equals(agreementId)) {
            throw ProblemException.notFound("No such cost report.", "実績報告が見つかりません。");
        }
        return report;
    }

    private static void requireUnsettled(CostReport report) {
        boolean settled = Settlement.allOf(report.agreementId).stream().anyMatch(s -> s.organizationId
                .equals(report.organizationId) && s.fiscalYear == report.fiscalYear);
        if (settled) {
            throw frozen("The report is settled; its files stay as they are.", "精算済みの実績報告の添付書類は変更できません。");
        }
    }

    private static UUID requireActingFor(UUID actingFor) {
        if (actingFor == null) {
            throw ProblemException.invalidField("actingFor", "Name the organisation you act for.",
                    "代理する団体を指定してください。");
        }
        return actingFor;
    }

    private static ProblemException frozen(String en, String ja) {
        return new ProblemException(Attachments.ATTACHMENT_FROZEN, LocalizedText.of(en, ja));
    }
}
