package jp.kyodo.agreement.domain.content;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task (役割) with exactly one responsible party and any number of supporting parties. */
@Schema(name = "AgreementTask", description = "A task (役割分担) with one responsible party")
public record Task(
        @Schema(description = "Id of the task; assigned by the service when absent", nullable = true) UUID taskId,
        @Schema(description = "What is to be done") @NotBlank @Size(max = 2000) String description,
        @Schema(description = "The party responsible for it (責任主体)") @NotNull UUID responsiblePartyId,
        @Schema(description = "Parties that support it (協力主体)", nullable = true) List<@NotNull UUID> supportingPartyIds) {

    public Task {
        supportingPartyIds = supportingPartyIds == null ? List.of() : supportingPartyIds;
    }

    public boolean involves(UUID party) {
        return party.equals(responsiblePartyId) || supportingPartyIds.contains(party);
    }

    Task withId(UUID id) {
        return new Task(id, description, responsiblePartyId, supportingPartyIds);
    }
}
