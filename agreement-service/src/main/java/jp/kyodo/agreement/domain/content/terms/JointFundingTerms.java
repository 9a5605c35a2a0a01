package jp.kyodo.agreement.domain.content.terms;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/** 協働負担金: both sides' money and labour are the common cost plan; the city's share must be named there. */
@Schema(name = "JointFundingTerms", description = "Terms of a 協働負担金 (JOINT_FUNDING): the common content with the city's "
        + "share named; each fiscal year ends with the partner's 実績報告 and the city's 精算")
public record JointFundingTerms(
        @Schema(description = "JOINT_FUNDING", enumeration = "JOINT_FUNDING", required = true) @NotNull
        CollaborationForm form) implements FormTerms {
}
