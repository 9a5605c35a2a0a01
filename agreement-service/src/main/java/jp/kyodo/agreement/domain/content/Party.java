package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.readmodel.ActorType;

/**
 * A party (協働の当事者): a directory organisation. Name and actor type are copied from the directory when the
 * content is saved, so that a frozen version shows whom it bound even if the directory changes later.
 */
@Schema(name = "AgreementParty", description = "A party to the agreement (当事者): a directory organisation")
public record Party(
        @Schema(description = "Directory organisation id") @NotNull UUID organizationId,
        @Schema(description = "Name as the directory knows it (filled in by the service)", readOnly = true, nullable = true) String name,
        @Schema(description = "Actor type (協働の主体) from the directory (filled in by the service)", readOnly = true, nullable = true)
        ActorType actorType,
        @Schema(description = "The party's role in the collaboration (役割), in prose", nullable = true) @Size(max = 2000)
        String roleDescription,
        @Schema(description = "How the party signs the document (記名押印欄); never public", nullable = true) @Valid
        SealBlock sealBlock) {

    @JsonIgnore
    public boolean isCityDepartment() {
        return actorType != null && actorType.isCityDepartment();
    }

    public Party describedAs(String directoryName, ActorType directoryType) {
        return new Party(organizationId, directoryName, directoryType, roleDescription, sealBlock);
    }
}
