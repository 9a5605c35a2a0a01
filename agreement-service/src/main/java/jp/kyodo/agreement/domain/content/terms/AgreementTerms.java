package jp.kyodo.agreement.domain.content.terms;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/** A 協定 adds nothing to the common content: parties, roles, costs and term say it all. */
@Schema(name = "AgreementFormTerms", description = "Terms of a 協定 (AGREEMENT): nothing beyond the common content")
public record AgreementTerms(
        @Schema(description = "AGREEMENT", enumeration = "AGREEMENT", required = true) @NotNull CollaborationForm form)
        implements FormTerms {
}
