package jp.kyodo.directory.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.domain.EligibilityRequirement;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.events.DirectoryEvents;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/** Staff record the eligibility checks and decide the status: UNVERIFIED → VERIFIED ⇄ SUSPENDED, always with a reason. */
@ApplicationScoped
public class VerificationService {

    /** One check as staff record it. */
    public record Finding(EligibilityRequirement requirement, boolean satisfied, String evidence) {
    }

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationAccess access;

    @Inject
    DirectoryEvents events;

    @Inject
    AuditTrail audit;

    public Organization eligibilityOf(UUID id) {
        access.requireMayDecideEligibility();
        return organizations.find(id);
    }

    @Transactional
    public Organization recordEligibility(UUID id, IfMatch ifMatch, List<Finding> findings) {
        access.requireMayDecideEligibility();
        Organization organization = organizations.find(id);
        ifMatch.requireCurrent(organization.version);
        if (findings.stream().map(Finding::requirement).distinct().count() != findings.size()) {
            throw ProblemException.invalidField("checks", "Each requirement may appear once.",
                    "同じ要件を複数回指定することはできません。");
        }
        String checker = access.subject();
        for (Finding finding : findings) {
            organization.recordEligibility(finding.requirement(), finding.satisfied(), finding.evidence().strip(), checker);
            audit.record(AuditRecord.of("Organization", id, "eligibility-checked")
                    .details(Map.of("requirement", finding.requirement().name(), "satisfied", finding.satisfied(),
                            "evidence", finding.evidence().strip())));
        }
        organization.flush();
        return organization;
    }

    @Transactional
    public Organization changeStatus(UUID id, IfMatch ifMatch, OrganizationStatus target, String reason) {
        access.requireMayDecideEligibility();
        Organization organization = organizations.find(id);
        ifMatch.requireCurrent(organization.version);
        OrganizationStatus from = organization.status;
        String why = reason.strip();
        switch (target) {
            case VERIFIED -> organization.verify();
            case SUSPENDED -> organization.suspend();
            default -> throw ProblemException.invalidTransition(from.name(), target.name(),
                    organization.allowedTransitions().stream().map(Enum::name).toList());
        }
        if (target == OrganizationStatus.VERIFIED) {
            events.verified(organization, why);
        } else {
            events.suspended(organization, why);
        }
        audit.record(AuditRecord.of("Organization", id, target == OrganizationStatus.VERIFIED
                ? (from == OrganizationStatus.SUSPENDED ? "reinstated" : "verified")
                : "suspended").transition(from, target).reason(why));
        return organization;
    }
}
