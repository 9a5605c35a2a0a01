package jp.kyodo.proposal.domain.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the visitor is looking for, for matching (人材紹介): skills and the area they work in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeNeeds(List<String> skills, String area) {

    public IntakeNeeds {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
