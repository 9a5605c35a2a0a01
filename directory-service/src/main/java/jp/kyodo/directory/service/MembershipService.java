package jp.kyodo.directory.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.events.DirectoryEvents;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/**
 * Members of organisations. Every change is published with the organisation's snapshot, so other services learn at
 * once who may act for it; a removed member's rights end with the event.
 */
@ApplicationScoped
public class MembershipService {

    /** A person to add, with the personal details only staff and the organisation's members see. */
    public record NewMember(String subject, MemberRole role, Long amountLimitYen, String displayName, String email) {
    }

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationAccess access;

    @Inject
    DirectoryEvents events;

    @Inject
    AuditTrail audit;

    public Organization membersOf(UUID organizationId) {
        Organization organization = organizations.find(organizationId);
        access.requireMayRead(organization);
        return organization;
    }

    @Transactional
    public Membership add(UUID organizationId, NewMember member) {
        Organization organization = organizations.find(organizationId);
        access.requireMayManage(organization);
        Membership added = organization.addMember(member.subject().strip(), member.role(), member.amountLimitYen(),
                member.displayName(), member.email());
        events.memberAdded(organization, added);
        audit.record(AuditRecord.of("Organization", organizationId, "member-added")
                .actingFor(access.actingFor(organization))
                .details(Map.of("subject", added.subject, "role", added.role.name())));
        return added;
    }

    @Transactional
    public Organization remove(UUID organizationId, String subject, IfMatch ifMatch) {
        Organization organization = organizations.find(organizationId);
        access.requireMayManage(organization);
        ifMatch.requireCurrent(organization.version);
        Membership member = organization.memberOf(subject).orElseThrow(MembershipService::noSuchMember);
        if (member.role == MemberRole.REPRESENTATIVE && !access.isStaffOrAdmin()) {
            throw ProblemException.forbidden("A representative hands over by naming a new representative.",
                    "代表者は後任の代表者を指定して交代してください。");
        }
        UUID actingFor = access.actingFor(organization);
        organization.removeMember(member);
        events.memberRemoved(organization, member);
        audit.record(AuditRecord.of("Organization", organizationId, "member-removed").actingFor(actingFor)
                .details(Map.of("subject", member.subject, "role", member.role.name())));
        return organization;
    }

    /**
     * 代表者の変更: the former representative stops being a member at once (member.removed), then the successor —
     * a new person or an existing member — becomes representative (member.added).
     */
    @Transactional
    public Organization changeRepresentative(UUID organizationId, IfMatch ifMatch, NewMember successor,
            String reason) {
        Organization organization = organizations.find(organizationId);
        access.requireMayManage(organization);
        ifMatch.requireCurrent(organization.version);
        UUID actingFor = access.actingFor(organization);
        String subject = successor.subject().strip();
        Membership former = organization.representative().orElse(null);
        if (former != null && former.subject.equals(subject)) {
            throw ProblemException.invalidField("subject", "This person is the representative already.",
                    "既に代表者です。");
        }
        if (former != null) {
            organization.removeMember(former);
            events.memberRemoved(organization, former);
        }
        Membership representative = organization.memberOf(subject)
                .map(existing -> organization.promoteToRepresentative(existing, successor.displayName(), successor.email()))
                .orElseGet(() -> organization.addMember(subject, MemberRole.REPRESENTATIVE, null,
                        successor.displayName(), successor.email()));
        events.memberAdded(organization, representative);
        audit.record(AuditRecord.of("Organization", organizationId, "representative-changed").actingFor(actingFor)
                .reason(reason)
                .details(Map.of("from", former == null ? "" : former.subject, "to", subject)));
        return organization;
    }

    private static ProblemException noSuchMember() {
        return ProblemException.notFound("No such member of this organisation.", "この団体のメンバーではありません。");
    }
}
