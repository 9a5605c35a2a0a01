package jp.kyodo.directory.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.EligibilityRequirement;

@Schema(description = "Findings of the eligibility check (提案者の要件の確認), one per requirement checked")
public record EligibilityInput(
        @Schema(description = "The requirements checked now; others keep their earlier finding", required = true)
        @NotEmpty @Size(max = 4) List<@Valid @NotNull Check> checks) {

    @Schema(name = "EligibilityCheckInput", description = "What staff found for one requirement")
    public record Check(
            @Schema(description = "The requirement (要件)", required = true) @NotNull EligibilityRequirement requirement,
            @Schema(description = "Whether it is met", required = true) @NotNull Boolean satisfied,
            @Schema(description = "Evidence seen (確認した資料), e.g. 'articles dated 2019-04-01'", required = true)
            @NotBlank @Size(max = 2000) String evidence) {
    }
}
