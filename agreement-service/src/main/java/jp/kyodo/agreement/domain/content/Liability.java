package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A responsibility assigned to one party (責任分担); never part of the public summary. */
@Schema(name = "AgreementLiability", description = "A responsibility assigned to a party (責任分担); never published")
public record Liability(
        @Schema(description = "Id; assigned by the service when absent", nullable = true) UUID liabilityId,
        @Schema(description = "Kind: insurance (保険), personal data (個人情報), accidents (事故), other") @NotNull
        LiabilityKind kind,
        @Schema(description = "What the party answers for") @NotBlank @Size(max = 2000) String description,
        @Schema(description = "The party that bears it") @NotNull UUID responsiblePartyId) {

    Liability withId(UUID id) {
        return new Liability(id, kind, description, responsiblePartyId);
    }
}
