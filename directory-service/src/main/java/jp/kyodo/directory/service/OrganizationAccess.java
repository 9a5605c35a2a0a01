package jp.kyodo.directory.service;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.ActingForOrganization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;

/**
 * Who may do what with an organisation, by role and by relation. Admins manage everything. City staff manage
 * organisations for the city, but act for a department only as one of its members. A partner manages an
 * organisation only as its representative; other members may read it.
 */
@RequestScoped
public class OrganizationAccess {

    @Inject
    Caller caller;

    public String subject() {
        return caller.subject();
    }

    public boolean isAdmin() {
        return caller.hasRole(Roles.ADMIN);
    }

    public boolean isStaffOrAdmin() {
        return caller.hasAnyRole(Roles.CITY_STAFF, Roles.ADMIN);
    }

    /**
     * Whether the caller, being a member, may write for an organisation of this kind: in a realm role that fits it,
     * by the rule every other service applies ({@link ActingForOrganization#rolesToActFor}).
     */
    public boolean memberMayActFor(ActorType type) {
        return caller.hasAnyRole(ActingForOrganization.rolesToActFor(type).toArray(String[]::new));
    }

    /** Staff, admins and coordinators read the whole directory (coordinators match partners with departments). */
    public boolean readsWholeDirectory() {
        return caller.hasAnyRole(Roles.CITY_STAFF, Roles.ADMIN, Roles.COORDINATOR);
    }

    /**
     * Staff and admins register any organisation; a partner or citizen registers their own group (never a city
     * department), unverified, and becomes its representative.
     */
    public void requireMayRegister(ActorType type) {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.ADMIN, Roles.PARTNER, Roles.CITIZEN);
        if (type == ActorType.CITY_DEPARTMENT && !isStaffOrAdmin()) {
            throw ProblemException.forbidden("Only city staff register city departments.",
                    "市の所管課を登録できるのは市職員のみです。");
        }
    }

    /** Whether a registration by this caller makes them the representative of what they register. */
    public boolean registersOwnOrganization() {
        return !isStaffOrAdmin();
    }

    public void requireMayRead(Organization organization) {
        caller.subject();
        if (readsWholeDirectory() || organization.memberOf(caller.subject()).isPresent()) {
            return;
        }
        throw ProblemException.forbidden("Only the organisation's members and city staff may read this.",
                "この情報は団体のメンバーと市職員のみが閲覧できます。");
    }

    /** Profile and member management: the representative, staff (for a department: its members), admins. */
    public void requireMayManage(Organization organization) {
        String subject = caller.subject();
        if (isAdmin()) {
            return;
        }
        Optional<Membership> membership = organization.memberOf(subject);
        if (caller.hasRole(Roles.CITY_STAFF)) {
            if (!organization.type.isCityDepartment() || membership.isPresent()) {
                return;
            }
            throw ProblemException.forbidden("City staff act for a department only as its members.",
                    "市職員は所属する所管課についてのみ操作できます。");
        }
        if (membership.map(Membership::managesOrganization).orElse(false)) {
            return;
        }
        throw ProblemException.forbidden("Only the organisation's representative or city staff may change it.",
                "団体の情報を変更できるのは代表者または市職員のみです。");
    }

    /** Eligibility and status decisions are the city's: staff and admins. */
    public void requireMayDecideEligibility() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.ADMIN);
    }

    /** The audit trail is for staff and admins. */
    public void requireMayReadAuditTrail() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.ADMIN);
    }

    /** The organisation the caller acts for in the audit trail: this one when they are its member, else the city. */
    public java.util.UUID actingFor(Organization organization) {
        return organization.memberOf(caller.subject()).isPresent() ? organization.id : null;
    }
}
