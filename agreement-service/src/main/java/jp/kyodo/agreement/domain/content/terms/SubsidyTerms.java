package jp.kyodo.agreement.domain.content.terms;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/**
 * A subsidy application (補助金交付申請): the programme applied to and what it pays for. The budget is the common cost
 * plan (each side's lines per fiscal year, the departments' lines being the subsidy requested); the purpose is the
 * content's purpose.
 */
@Schema(name = "SubsidyTerms", description = "Terms of a 補助 (SUBSIDY) application: the programme and the eligible "
        + "expenses; the departments' cost lines are the subsidy requested per fiscal year")
public record SubsidyTerms(
        @Schema(description = "SUBSIDY", enumeration = "SUBSIDY", required = true) @NotNull CollaborationForm form,
        @Schema(description = "The subsidy programme (補助金の名称); required before the application is frozen",
                maxLength = 200, nullable = true) @Size(max = 200) String programName,
        @Schema(description = "Eligible expenses (補助対象経費) as the programme defines them", maxLength = 4000,
                nullable = true)
        @Size(max = 4000) String eligibleExpenses) implements FormTerms {
}
