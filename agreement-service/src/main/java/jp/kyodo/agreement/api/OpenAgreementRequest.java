package jp.kyodo.agreement.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.content.AgreementContent;

@Schema(description = "A department opens an agreement directly (e.g. a disaster-response agreement with a company)")
public record OpenAgreementRequest(
        @Schema(description = "The department (所管課) the staff member acts for; it must be a party") @NotNull UUID actingFor,
        @Schema(description = "The first working copy") @NotNull @Valid AgreementContent content) {
}
