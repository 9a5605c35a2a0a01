package jp.kyodo.proposal.domain.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person who came to the desk, not (yet) organised: personal data, kept only with their consent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DeskVisitor", description = "A person who came to the desk (personal data)")
public record Visitor(String name, String nameKana, String email, String phone, String postalAddress) {
}
