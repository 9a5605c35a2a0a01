package jp.kyodo.agreement.service;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.SignaturePolicy;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.directory.readmodel.ActingForOrganization;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;

/**
 * Authorisation by relation: roles say what kind of person calls, membership of a party says for whom they may act.
 * A partner or citizen acts only for a party it is a member of; city staff act for a department party they belong to.
 */
@RequestScoped
public class AgreementAccess {

    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    @Inject
    PartyDirectory parties;

    @Inject
    ActingForOrganization actingForOrganization;

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

    /**
     * The caller acts for {@code actingFor}, a party of the content, as one of its members in a role that fits it
     * (the rule every service shares: {@link ActingForOrganization}).
     */
    public Party requirePartyMember(AgreementContent content, UUID actingFor) {
        caller.subject();
        Party party = content.party(actingFor).orElseThrow(() -> ProblemException.forbidden(
                "The organisation you act for is not a party of this agreement.", "代理する団体はこの協定の当事者ではありません。"));
        actingForOrganization.require(actingFor);
        return party;
    }

    /**
     * The caller acts for a party of the agreement as it stands (the version awaiting signatures, else the version in
     * force, else the working copy). Checked before the state, so that a stranger learns nothing of it.
     */
    public Party requirePartyMember(Agreement agreement, UUID actingFor) {
        return requirePartyMember(Agreements.current(agreement), actingFor);
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

    /** The caller acts for a party that is not the city (the partner, organiser or group), as one of its members. */
    public Party requirePartner(AgreementContent content, UUID actingFor) {
        Party party = requirePartyMember(content, actingFor);
        if (party.isCityDepartment()) {
            throw ProblemException.forbidden("The partner takes this step, not the department.",
                    "この手続は協働の相手方が行います。");
        }
        return party;
    }

    /**
     * The caller is the signatory (決裁権者) of a department party whose amount limit covers {@code amountYen}: the city's
     * decisions (a grant, its fixed amount, a cancellation, an endorsement) are made in the signatory's name.
     */
    public Party requireSignatory(AgreementContent content, UUID actingFor, long amountYen) {
        Party party = requireDepartmentStaff(content, actingFor);
        SignaturePolicy.roleOfSigner(party, directory.organization(actingFor), caller.subject(), amountYen);
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

    public String subject() {
        return caller.subject();
    }
}
