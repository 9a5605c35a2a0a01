package jp.kyodo.proposal.domain.committee;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member of a committee (委員) for a term of office (任期). A member is a login subject, so that they can score and
 * declare conflicts themselves; the name is for the secretariat's roster and never leaves the service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitteeMember(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The member's login subject") String subject,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Chair, vice-chair or member") Role role,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Whom the member stands for") Category category,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Name on the secretariat's roster", nullable = true) String displayName,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "First day of the term of office (任期)") LocalDate termStart,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Last day of the term of office") LocalDate termEnd) {

    /** 委員長, 副委員長, 委員 */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CommitteeRole")
    public enum Role {
        CHAIR, VICE_CHAIR, MEMBER
    }

    /** 市職員, 学識経験者, 市民委員 (公募), 団体推薦 */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CommitteeMemberCategory")
    public enum Category {
        CITY_STAFF, EXPERT, CITIZEN, ORGANIZATION_NOMINEE
    }

    public boolean inOfficeOn(LocalDate day) {
        return !day.isBefore(termStart) && !day.isAfter(termEnd);
    }
}
