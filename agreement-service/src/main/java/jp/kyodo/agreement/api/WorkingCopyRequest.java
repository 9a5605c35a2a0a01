package jp.kyodo.agreement.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.content.AgreementContent;

@Schema(description = "A new working copy, saved for the party the caller acts for")
public record WorkingCopyRequest(
        @Schema(description = "The party (organisation) the caller acts for") @NotNull UUID actingFor,
        @Schema(description = "The whole content; items without ids get new ids") @NotNull @Valid AgreementContent content) {
}
