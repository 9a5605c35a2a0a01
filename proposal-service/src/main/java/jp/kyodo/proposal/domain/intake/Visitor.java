package jp.kyodo.proposal.domain.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person who came to the desk, not (yet) organised: personal data, kept only with their consent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DeskVisitor", description = "A person who came to the desk (personal data)")
public record Visitor(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Name") String name,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Reading of the name in katakana", nullable = true) String nameKana,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Mail address", nullable = true) String email,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Telephone number", nullable = true) String phone,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Postal address", nullable = true) String postalAddress) {
}
