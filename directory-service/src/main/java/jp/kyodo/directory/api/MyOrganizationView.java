package jp.kyodo.directory.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;

/** An organisation the caller belongs to, with their role in it: what a newcomer names as {@code actingFor}. */
@Schema(name = "MyOrganization", description = "An organisation the caller is a member of (所属団体), with their role")
public record MyOrganizationView(
        @Schema(description = "The organisation: name it as actingFor to act for it", required = true, format = "uuid")
        UUID organizationId,
        @Schema(description = "Name (団体名)", required = true) String name,
        @Schema(description = "Reading of the name (フリガナ) in full-width katakana", required = true) String nameKana,
        @Schema(description = "Actor type (協働の主体)", required = true) ActorType type,
        @Schema(description = "Eligibility status: an organisation proposes and signs only while VERIFIED", required = true)
        OrganizationStatus status,
        @Schema(description = "The caller's role in it (代表者, 決裁権者, 職員, 会員)", required = true) MemberRole role,
        @Schema(description = "For a department's signatory: the largest city cost share they may sign for, in yen; "
                + "absent when unlimited or not a signatory", minimum = "0", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) Long amountLimitYen,
        @Schema(description = "Whether the caller may write for it: as a member whose realm role fits the "
                + "organisation's kind (city-staff for a department, partner or citizen for any other)", required = true)
        boolean mayActFor,
        @Schema(description = "Member since", required = true, format = "date-time") OffsetDateTime memberSince) {

    public static MyOrganizationView of(Membership membership, boolean mayActFor) {
        var o = membership.organization;
        return new MyOrganizationView(o.id, o.name, o.nameKana, o.type, o.status, membership.role,
                membership.amountLimitYen, mayActFor, membership.addedAt);
    }
}
