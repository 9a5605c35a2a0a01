package jp.kyodo.proposal.service;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;

/**
 * Who works at the consultation desk (総合相談窓口): city staff acting for a department they belong to, and
 * coordinators acting for the support centre (中間支援組織) they belong to. They share the desk's records, as seed
 * 002 asks coordinators to accumulate and share what they learn; no one else reads them, administrators included
 * (as for the talent bank).
 */
@RequestScoped
public class DeskAccess {

    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    @Inject
    ProposalAccess access;

    /** 401/403 unless the caller may read the desk's records. */
    public String requireReader() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.COORDINATOR);
        return caller.subject();
    }

    /** 403 unless the caller works at the desk for the organisation named. */
    public void requireActingFor(UUID actingFor) {
        requireReader();
        KnownOrganization organization = directory.organization(actingFor).orElse(null);
        if (organization != null && organization.type == ActorType.CITY_DEPARTMENT && caller.hasRole(Roles.CITY_STAFF)) {
            access.requireDepartmentStaff(actingFor);
            return;
        }
        if (organization != null && organization.type == ActorType.INTERMEDIARY && caller.hasRole(Roles.COORDINATOR)) {
            access.requireMemberOf(actingFor);
            return;
        }
        throw ProblemException.forbidden("The desk is staffed by city departments and support centres' coordinators.",
                "相談窓口の記録は市の所管課の職員と中間支援組織のコーディネーターが扱います。");
    }

    /** Whether the subject is a coordinator the directory lists in a support centre. */
    public boolean isKnownCoordinator(String subject) {
        return directory.organizationsOf(subject).stream().map(directory::organization)
                .anyMatch(o -> o.isPresent() && o.get().type == ActorType.INTERMEDIARY);
    }
}
