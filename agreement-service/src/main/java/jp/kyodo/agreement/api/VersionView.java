package jp.kyodo.agreement.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.Signature;
import jp.kyodo.agreement.domain.content.AgreementContent;

@Schema(name = "AgreementVersion", description = "A frozen version (第N版) of the agreement, never changed again")
public record VersionView(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "Number N of the version") int documentVersion,
        @Schema(description = "SHA-256 of the canonical JSON of the content") String contentSha256,
        @Schema(description = "When it was frozen") OffsetDateTime frozenAt,
        @Schema(description = "Subject of who froze it", nullable = true) String frozenBy,
        @Schema(description = "Whether this is the version in force") boolean inForce,
        @Schema(description = "Whether this version awaits signatures") boolean pending,
        @Schema(description = "The content, omitted in lists", nullable = true) AgreementContent content,
        @Schema(description = "Totals, omitted in lists", nullable = true) CostTotalsView totals,
        @Schema(description = "Signatures on this version") List<SignatureView> signatures) {

    public static VersionView of(Agreement a, AgreementVersion v, boolean withContent) {
        AgreementContent content = withContent ? CanonicalJson.read(v.content) : null;
        return new VersionView(a.id, v.number, v.contentSha256, v.frozenAt, v.frozenBy,
                Integer.valueOf(v.number).equals(a.versionInForce), Integer.valueOf(v.number).equals(a.pendingVersion),
                content, content == null ? null : CostTotalsView.of(content),
                Signature.on(a.id, v.number).stream().map(SignatureView::of).toList());
    }
}
