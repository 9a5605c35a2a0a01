package jp.kyodo.agreement.service;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;

/**
 * Authorisation by relation: roles say what kind of person calls, membership of a party says for whom they may act.
 * A partner acts only for a party it is a member of; city staff act for a department party they belong to.
 */
@RequestScoped
public class AgreementAccess {

    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    @Inject
    PartyDirectory parties;

    /** Staff, administrators and coordinators oversee every agreement; partners read those of their organisations. */
    public void requireReader(Agreement agreement) {
        String subject = caller.subject();
        if (caller.hasAnyRole(Roles.CITY_STAFF, Roles.ADMIN, Roles.COORDINATOR)) {
            return;
        }
        if (!parties.isMemberOfAnyParty(subject, agreement.id)) {
            throw ProblemException.forbidden("Only the parties and city staff can read this agreement.",
                    "この協定は当事者と市職員のみが閲覧できます。");
        }
    }

    public boolean seesEveryAgreement() {
        return caller.hasAnyRole(Roles.CITY_STAFF, Roles.ADMIN, Roles.COORDINATOR);
    }

    /** The caller acts for {@code actingFor}, a party of the content, as one of its members (any member role). */
    public Party requirePartyMember(AgreementContent content, UUID actingFor) {
        String subject = caller.subject();
        Party party = content.party(actingFor).orElseThrow(() -> ProblemException.forbidden(
                "The organisation you act for is not a party of this agreement.", "代理する団体はこの協定の当事者ではありません。"));
        requireRoleFor(party);
        if (!directory.isMember(subject, actingFor)) {
            throw ProblemException.forbidden("You are not a member of the organisation you act for.",
                    "代理する団体の構成員ではありません。");
        }
        return party;
    }

    /** The caller is city staff acting for a department that is a party. */
    public Party requireDepartmentStaff(AgreementContent content, UUID actingFor) {
        caller.requireAnyRole(Roles.CITY_STAFF);
        Party party = requirePartyMember(content, actingFor);
        if (!party.isCityDepartment()) {
            throw ProblemException.forbidden("Only a department party's staff can do this.", "この操作は所管課の職員のみが行えます。");
        }
        return party;
    }

    /** The caller represents a non-city party (代表者), e.g. to end the agreement on its side. */
    public boolean represents(Party party) {
        return !party.isCityDepartment()
                && directory.hasRole(caller.subject(), party.organizationId(), MemberRole.REPRESENTATIVE);
    }

    public void requireCityStaff() {
        caller.requireAnyRole(Roles.CITY_STAFF);
    }

    public void requireStaff() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.ADMIN);
    }

    private void requireRoleFor(Party party) {
        if (party.isCityDepartment()) {
            caller.requireAnyRole(Roles.CITY_STAFF);
        } else {
            caller.requireAnyRole(Roles.PARTNER, Roles.CITIZEN);
        }
    }

    public String subject() {
        return caller.subject();
    }
}
