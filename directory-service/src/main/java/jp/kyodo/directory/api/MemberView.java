package jp.kyodo.directory.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.readmodel.MemberRole;

@Schema(name = "Member", description = "A member of an organisation; only staff and the organisation's members see this")
public record MemberView(
        @Schema(description = "Login subject") String subject,
        @Schema(description = "Role") MemberRole role,
        @Schema(description = "Signatory's amount limit in yen; absent when unlimited or not a signatory", nullable = true) Long amountLimitYen,
        @Schema(description = "Name (氏名)", nullable = true) String displayName,
        @Schema(description = "E-mail", nullable = true) String email,
        @Schema(description = "Member since") OffsetDateTime addedAt) {

    public static MemberView of(Membership m) {
        return new MemberView(m.subject, m.role, m.amountLimitYen, m.displayName, m.email, m.addedAt);
    }
}
