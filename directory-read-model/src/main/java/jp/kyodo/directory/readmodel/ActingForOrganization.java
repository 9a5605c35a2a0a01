package jp.kyodo.directory.readmodel;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;

/**
 * Acting for an organisation (団体として操作する): a person writes for an organisation only as one of its members, as
 * the directory lists them, <em>and</em> in a realm role that fits its kind: city-staff for a city department, partner
 * or citizen for every other organisation. Belonging alone is not enough: a reviewer or an analyst who is also a
 * member of an NPO reads what its members read, but does not write for it. The same rule in every service.
 */
@ApplicationScoped
public class ActingForOrganization {

    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    /** The realm roles in which a member may act for an organisation of this kind. */
    public static List<String> rolesToActFor(ActorType type) {
        return type.isCityDepartment() ? List.of(Roles.CITY_STAFF) : List.of(Roles.PARTNER, Roles.CITIZEN);
    }

    /** 401 when anonymous; 403 unless the caller is a member of the organisation in a role that may act for it. */
    public void require(UUID organizationId) {
        String subject = caller.subject();
        ActorType type = directory.organization(organizationId).map(o -> o.type).orElse(null);
        if (type == null || !directory.isMember(subject, organizationId)) {
            throw ProblemException.forbidden("You are not a member of organisation " + organizationId + ".",
                    "団体 " + organizationId + " の構成員ではありません。");
        }
        List<String> roles = rolesToActFor(type);
        if (!caller.hasAnyRole(roles.toArray(String[]::new))) {
            throw ProblemException.forbidden(
                    "Members act for this organisation with one of the roles " + String.join(", ", roles) + ".",
                    "この団体として操作するには次のいずれかのロールが必要です: " + String.join(", ", roles));
        }
    }
}
