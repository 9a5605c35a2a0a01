package jp.kyodo.directory.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.events.DirectoryEvents;
import jp.kyodo.kernel.AttachmentKind;
import jp.kyodo.platform.attachments.Attachment;
import jp.kyodo.platform.attachments.AttachmentEvent;
import jp.kyodo.platform.attachments.AttachmentTarget;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.attachments.IncomingFile;
import jp.kyodo.platform.attachments.UploadForm;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;

/**
 * An organisation's eligibility evidence (提案者の要件): its rules or articles (会則・定款), officer list (役員名簿, personal
 * data, never public), record of activities and accounts. Those who manage the organisation attach and remove them;
 * those who may read the organisation read them, and staff verify eligibility from them.
 */
@ApplicationScoped
public class OrganizationAttachments {

    public static final String AGGREGATE = "Organization";
    static final Set<AttachmentKind> KINDS = Set.of(AttachmentKind.ARTICLES, AttachmentKind.OFFICER_LIST,
            AttachmentKind.ACTIVITY_RECORD, AttachmentKind.FINANCIAL_STATEMENT, AttachmentKind.OTHER);

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationAccess access;

    @Inject
    Attachments attachments;

    @Inject
    DirectoryEvents events;

    @Inject
    AuditTrail audit;

    public static AttachmentTarget of(UUID organizationId) {
        return AttachmentTarget.whole(AGGREGATE, organizationId);
    }

    @Transactional
    public Attachment attach(UUID id, UploadForm form) {
        IncomingFile file = attachments.check(form);
        AttachmentKind kind = form.kindAmong(AttachmentKind.class, KINDS);
        boolean isPublic = form.publicUnless(kind.personalData());
        Organization organization = organizations.find(id);
        access.requireMayManage(organization);
        Attachment a = attachments.store(of(id), kind.name(), file, isPublic, access.subject(),
                access.actingFor(organization));
        organization.filesChanged();
        organization.flush();
        audit.record(AuditRecord.of(AGGREGATE, id, organization.version, "attachment-added").actingFor(access.actingFor(organization))
                .details(Map.of("attachmentId", a.id.toString(), "kind", a.kind, "sha256", a.sha256)));
        events.attachmentAdded(AttachmentEvent.of(a, organization.version));
        return a;
    }

    public List<Attachment> list(UUID id) {
        access.requireMayRead(organizations.find(id));
        return attachments.list(of(id));
    }

    public Attachment readable(UUID id, UUID attachmentId) {
        access.requireMayRead(organizations.find(id));
        return attachments.find(id, attachmentId);
    }

    @Transactional
    public void remove(UUID id, UUID attachmentId) {
        Organization organization = organizations.find(id);
        access.requireMayManage(organization);
        Attachment a = attachments.find(id, attachmentId);
        attachments.remove(a);
        organization.filesChanged();
        organization.flush();
        audit.record(AuditRecord.of(AGGREGATE, id, organization.version, "attachment-removed").actingFor(access.actingFor(organization))
                .details(Map.of("attachmentId", a.id.toString(), "kind", a.kind)));
        events.attachmentRemoved(AttachmentEvent.of(a, organization.version));
    }
}
