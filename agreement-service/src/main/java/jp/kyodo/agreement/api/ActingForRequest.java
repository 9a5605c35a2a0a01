package jp.kyodo.agreement.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgreementTransitionRequest", description = "An action taken for one party")
public record ActingForRequest(
        @Schema(description = "The party (organisation) the caller acts for") @NotNull UUID actingFor) {
}
