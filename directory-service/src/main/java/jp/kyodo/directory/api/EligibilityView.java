package jp.kyodo.directory.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.Eligibility;
import jp.kyodo.directory.domain.EligibilityCheck;
import jp.kyodo.directory.domain.EligibilityRequirement;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.OrganizationStatus;

@Schema(name = "Eligibility", description = "The organisation's eligibility (提案者の要件): status and the four checks with their evidence")
public record EligibilityView(
        @Schema(description = "Organisation id") UUID organizationId,
        @Schema(description = "Eligibility status") OrganizationStatus status,
        @Schema(description = "Each requirement and what staff found") List<CheckView> checks,
        @Schema(description = "Requirements not (yet) found satisfied; verification needs none") List<EligibilityRequirement> unmet,
        @Schema(description = "The organisation's version; also the ETag") long version) {

    @Schema(name = "EligibilityCheck", description = "One requirement and the finding")
    public record CheckView(
            @Schema(description = "Requirement (要件)") EligibilityRequirement requirement,
            @Schema(description = "Whether checked") boolean checked,
            @Schema(description = "Whether met") boolean satisfied,
            @Schema(description = "Evidence seen", nullable = true) String evidence,
            @Schema(description = "Subject of the staff member who checked", nullable = true) String checkedBy,
            @Schema(description = "When", nullable = true) OffsetDateTime checkedAt) {
    }

    public static EligibilityView of(Organization organization) {
        List<CheckView> checks = Arrays.stream(EligibilityRequirement.values()).map(r -> {
            EligibilityCheck check = organization.eligibility.get(r);
            return check == null ? new CheckView(r, false, false, null, null, null)
                    : new CheckView(r, true, check.satisfied, check.evidence, check.checkedBy, check.checkedAt);
        }).toList();
        return new EligibilityView(organization.id, organization.status, checks,
                Eligibility.unmet(organization.eligibility), organization.version);
    }
}
