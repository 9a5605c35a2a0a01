package jp.kyodo.directory.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.api.OrganizationProfile;
import jp.kyodo.directory.api.OrganizationRegistration;
import jp.kyodo.directory.domain.DirectoryProblems;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.events.DirectoryEvents;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.web.IfMatch;

/** Registers organisations and maintains their profiles. */
@ApplicationScoped
public class OrganizationService {

    @Inject
    OrganizationAccess access;

    @Inject
    DirectoryEvents events;

    @Inject
    AuditTrail audit;

    @Transactional
    public Organization register(OrganizationRegistration registration) {
        access.requireMayRegister(registration.type());
        Organization organization = Organization.register(registration.type());
        ProfileRules.apply(registration.profile(), registration.type(), organization);
        requireUniqueCorporateNumber(organization);
        String subject = access.subject();
        if (access.registersOwnOrganization()) {
            organization.addMember(subject, MemberRole.REPRESENTATIVE, null, null, null);
        } else if (registration.type().isCityDepartment() && !access.isAdmin()) {
            // Staff act for a department only as its members: the one who sets it up is its first member.
            organization.addMember(subject, MemberRole.STAFF, null, null, null);
        }
        organization.persist();
        events.registered(organization);
        audit.record(AuditRecord.of("Organization", organization.id, "registered")
                .transition(null, organization.status)
                .actingFor(access.registersOwnOrganization() ? organization.id : null));
        return organization;
    }

    public Organization find(UUID id) {
        Organization organization = Organization.findById(id);
        if (organization == null) {
            throw DirectoryProblems.organizationNotFound();
        }
        return organization;
    }

    public Organization read(UUID id) {
        Organization organization = find(id);
        access.requireMayRead(organization);
        return organization;
    }

    @Transactional
    public Organization update(UUID id, IfMatch ifMatch, OrganizationProfile profile) {
        Organization organization = find(id);
        access.requireMayManage(organization);
        ifMatch.requireCurrent(organization.version);
        ProfileRules.apply(profile, organization.type, organization);
        requireUniqueCorporateNumber(organization);
        events.updated(organization);
        audit.record(AuditRecord.of("Organization", organization.id, "updated").actingFor(access.actingFor(organization)));
        return organization;
    }

    /** 409 when another (non-department) organisation has the number; departments share the city's number. */
    private static void requireUniqueCorporateNumber(Organization organization) {
        if (organization.corporateNumber == null || organization.type.isCityDepartment()) {
            return;
        }
        List<Organization> holders = Organization.list("corporateNumber = ?1 and type <> ?2 and id <> ?3",
                organization.corporateNumber, jp.kyodo.directory.readmodel.ActorType.CITY_DEPARTMENT, organization.id);
        if (!holders.isEmpty()) {
            throw DirectoryProblems.duplicateCorporateNumber();
        }
    }
}
