package jp.kyodo.proposal.domain.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person who came to the desk, not (yet) organised: personal data, kept only with their consent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Visitor(String name, String nameKana, String email, String phone, String postalAddress) {
}
