package jp.kyodo.proposal.domain.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the visitor is looking for, for matching (人材紹介): skills and the area they work in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeNeeds(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Skills the visitor is looking for") List<String> skills,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Area they work in", nullable = true) String area) {

    public IntakeNeeds {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
