package jp.kyodo.agreement.domain.content.terms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/**
 * An adopt programme registration (アダプト制度): the public place a volunteer group looks after, and whether the group
 * agrees that its name is published with it (the name of a small residents' group can identify people).
 */
@Schema(name = "AdoptTerms", description = "Terms of an アダプト制度 (ADOPT_PROGRAM) registration: the adopted place and "
        + "the group's consent to publish its name")
public record AdoptTerms(
        @Schema(description = "ADOPT_PROGRAM", enumeration = "ADOPT_PROGRAM", required = true) @NotNull
        CollaborationForm form,
        @Schema(description = "The public place adopted; required before the version is frozen", nullable = true)
        @Valid AdoptedPlace place,
        @Schema(description = "The group consents to its name appearing in the public register of adopted places "
                + "(団体名の公表への同意); without it the register shows the place only", nullable = true)
        Boolean groupNamePublic)
        implements FormTerms {
}
