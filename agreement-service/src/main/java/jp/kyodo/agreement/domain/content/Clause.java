package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A further clause (条項); published with the public summary only when marked public. */
@Schema(name = "AgreementClause", description = "A further clause (条項), published only when marked public")
public record Clause(
        @Schema(description = "Id; assigned by the service when absent", nullable = true) UUID clauseId,
        @Schema(description = "Heading, e.g. 秘密保持") @NotBlank @Size(max = 200) String heading,
        @Schema(description = "Text of the clause") @NotBlank @Size(max = 10000) String text,
        @Schema(description = "Whether the clause is part of the public summary (公開)") boolean published) {

    Clause withId(UUID id) {
        return new Clause(id, heading, text, published);
    }
}
