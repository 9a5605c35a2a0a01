package jp.kyodo.agreement.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.service.Readiness;

@Schema(name = "WorkingCopy", description = "The working copy (協議中の案) the parties edit")
public record WorkingCopyView(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "State of the agreement, including an amendment in progress") String state,
        @Schema(description = "Whether it can be edited now") boolean editable,
        @Schema(description = "The content") AgreementContent content,
        @Schema(description = "Totals computed from the cost lines") CostTotalsView totals,
        @Schema(description = "What still keeps it from being submitted for signature") List<ReadinessProblem> readiness,
        @Schema(description = "Version for If-Match (also the ETag)") long version) {

    /** The working copy with what its form's procedure still misses before it can be frozen. */
    public static WorkingCopyView of(Agreement a, Readiness readiness) {
        AgreementContent content = CanonicalJson.read(a.workingCopy);
        boolean editable = a.isNegotiating() || a.isAwaitingSignatures();
        return new WorkingCopyView(a.id, a.stateLabel(), editable, content, CostTotalsView.of(content),
                readiness.of(a.id, content).stream().map(ReadinessProblem::of).toList(), a.version);
    }
}
