package jp.kyodo.directory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.readmodel.OrganizationStatus;

@Schema(name = "OrganizationStatusChange", description = "A decision on eligibility: verify (確認) or suspend (停止), always with a reason")
public record StatusChange(
        @Schema(description = "The status to move to: VERIFIED (from UNVERIFIED or SUSPENDED) or SUSPENDED (from VERIFIED)",
                required = true) @NotNull OrganizationStatus to,
        @Schema(description = "Why (理由); published with the event", required = true) @NotBlank @Size(max = 2000) String reason) {
}
