package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deliverable (成果物) and to whom its outcome and copyright belong. Left empty, ownership follows the activity
 * area's default (see OutcomeOwnership).
 */
@Schema(name = "AgreementDeliverable", description = "A deliverable (成果物) with its outcome ownership (成果の帰属)")
public record Deliverable(
        @Schema(description = "Id; assigned by the service when absent", nullable = true) UUID deliverableId,
        @Schema(description = "What is delivered, e.g. a hazard map") @NotBlank @Size(max = 500) String name,
        @Schema(description = "Owner of the outcome; empty means the area's default (B: citizens' side, D: city; "
                + "C has none and must choose)", nullable = true) OutcomeOwner ownership,
        @Schema(description = "Holder of the copyright (著作権); empty means the same as the outcome owner", nullable = true)
        OutcomeOwner copyrightHolder,
        @Schema(description = "The written clause (特約) that a choice different from the area's default requires", nullable = true)
        @Size(max = 4000) String ownershipClause) {

    Deliverable withId(UUID id) {
        return new Deliverable(id, name, ownership, copyrightHolder, ownershipClause);
    }
}
