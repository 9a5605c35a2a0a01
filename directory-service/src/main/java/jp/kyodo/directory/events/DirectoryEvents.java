package jp.kyodo.directory.events;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import jp.kyodo.directory.domain.EligibilityRequirement;
import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.OrganizationSnapshot;
import jp.kyodo.platform.attachments.AttachmentEvent;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;

/**
 * Announces directory changes on {@code kyodo.directory.v1}, keyed by organisation id. Every event carries the
 * organisation's {@link OrganizationSnapshot} after the change: names of organisations and the subjects and roles of
 * members, never people's names or contact data.
 */
@ApplicationScoped
public class DirectoryEvents {

    public static final String TOPIC = OrganizationSnapshot.TOPIC;
    public static final String REGISTERED = EventTypes.of("organization.registered");
    public static final String UPDATED = EventTypes.of("organization.updated");
    public static final String ELIGIBILITY_CHECKED = EventTypes.of("organization.eligibility-checked");
    public static final String VERIFIED = EventTypes.of("organization.verified");
    public static final String SUSPENDED = EventTypes.of("organization.suspended");
    public static final String MEMBER_ADDED = EventTypes.of("member.added");
    public static final String MEMBER_REMOVED = EventTypes.of("member.removed");

    public static final List<String> ALL = List.of(REGISTERED, UPDATED, ELIGIBILITY_CHECKED, VERIFIED, SUSPENDED,
            MEMBER_ADDED, MEMBER_REMOVED);
    /** A file attached to or removed from an organisation (no snapshot: kind, size, type and hash of the file). */
    public static final String ATTACHMENT_ADDED = EventTypes.of("organization.attachment-added");
    public static final String ATTACHMENT_REMOVED = EventTypes.of("organization.attachment-removed");

    /**
     * Payload of organization.eligibility-checked: the snapshot, and where each requirement (提案者の要件) stands. The
     * evidence and the staff member who checked stay in the directory.
     */
    public record EligibilityChecked(@JsonUnwrapped OrganizationSnapshot organization, List<Check> eligibility) {
    }

    public record Check(EligibilityRequirement requirement, boolean satisfied, OffsetDateTime checkedAt) {
    }

    @Inject
    Outbox outbox;

    public void attachmentAdded(AttachmentEvent payload) {
        outbox.publish(new DomainEvent(TOPIC, ATTACHMENT_ADDED, payload.aggregateId(), payload.version(), payload));
    }

    public void attachmentRemoved(AttachmentEvent payload) {
        outbox.publish(new DomainEvent(TOPIC, ATTACHMENT_REMOVED, payload.aggregateId(), payload.version(), payload));
    }

    public void registered(Organization organization) {
        publish(REGISTERED, organization, null, null);
    }

    public void updated(Organization organization) {
        publish(UPDATED, organization, null, null);
    }

    public void eligibilityChecked(Organization organization) {
        organization.flush();
        List<Check> checks = organization.eligibility.entrySet().stream()
                .map(e -> new Check(e.getKey(), e.getValue().satisfied, e.getValue().checkedAt))
                .sorted(Comparator.comparing(Check::requirement)).toList();
        outbox.publish(new DomainEvent(TOPIC, ELIGIBILITY_CHECKED, organization.id, organization.version,
                new EligibilityChecked(snapshotOf(organization, null, null), checks)));
    }

    public void verified(Organization organization, String reason) {
        publish(VERIFIED, organization, reason, null);
    }

    public void suspended(Organization organization, String reason) {
        publish(SUSPENDED, organization, reason, null);
    }

    public void memberAdded(Organization organization, Membership member) {
        publish(MEMBER_ADDED, organization, null, new OrganizationSnapshot.MemberChange(member.subject, member.role, true));
    }

    public void memberRemoved(Organization organization, Membership member) {
        publish(MEMBER_REMOVED, organization, null,
                new OrganizationSnapshot.MemberChange(member.subject, member.role, false));
    }

    /** Flushes first, so the snapshot and the envelope carry the version the change produced. */
    private void publish(String type, Organization organization, String reason, OrganizationSnapshot.MemberChange change) {
        organization.flush();
        OrganizationSnapshot snapshot = snapshotOf(organization, reason, change);
        outbox.publish(new DomainEvent(TOPIC, type, organization.id, organization.version, snapshot));
    }

    static OrganizationSnapshot snapshotOf(Organization organization, String reason,
            OrganizationSnapshot.MemberChange change) {
        List<OrganizationSnapshot.Member> members = organization.members.stream()
                .sorted(Comparator.comparing((Membership m) -> m.role).thenComparing(m -> m.subject))
                .map(m -> new OrganizationSnapshot.Member(m.subject, m.role, m.amountLimitYen))
                .toList();
        return new OrganizationSnapshot(organization.id, organization.version, organization.name, organization.nameKana,
                organization.type, organization.status, organization.corporateNumber,
                organization.fields.stream().map(Enum::name).sorted().toList(), members, reason, change);
    }
}
