package jp.kyodo.agreement.domain.content.terms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/**
 * A collaborative commission's contract terms (協働型委託): the specification and the division of roles both sides
 * drew up together, and how the contract amount (the departments' cost lines) is paid.
 */
@Schema(name = "CommissionTerms", description = "Terms of a 協働型委託 (COLLABORATIVE_COMMISSION) contract; the contract "
        + "amount is the departments' cost lines per fiscal year")
public record CommissionTerms(
        @Schema(description = "COLLABORATIVE_COMMISSION", enumeration = "COLLABORATIVE_COMMISSION", required = true)
        @NotNull CollaborationForm form,
        @Schema(description = "How the amount is paid: LUMP_SUM (一括払), ADVANCE_PAYMENT (前金払), ESTIMATED_PAYMENT "
                + "(概算払); required before the version is frozen", nullable = true) PaymentTerms paymentTerms,
        @Schema(description = "For 前金払 and 概算払: the most that may be paid before the passed inspection, as a "
                + "percentage of the fiscal year's amount", minimum = "1", maximum = "100", nullable = true)
        @Min(1) @Max(100) Integer advanceLimitPercent,
        @Schema(description = "Specification (仕様書): the work, where and by when, what is delivered; a required part "
                + "before the version is frozen", maxLength = 20000, nullable = true)
        @Size(max = 20000) String specification,
        @Schema(description = "Division of roles (役割分担書) as both sides drew it up; a required part before the "
                + "version is frozen", maxLength = 20000, nullable = true) @Size(max = 20000) String divisionOfRoles)
        implements FormTerms {
}
