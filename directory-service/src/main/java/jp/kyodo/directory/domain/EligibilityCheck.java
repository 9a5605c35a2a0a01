package jp.kyodo.directory.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What staff found for one requirement, and on which evidence. */
@Embeddable
public class EligibilityCheck {

    public boolean satisfied;
    public String evidence;
    @Column(name = "checked_by")
    public String checkedBy;
    @Column(name = "checked_at")
    public OffsetDateTime checkedAt;

    public EligibilityCheck() {
    }

    public EligibilityCheck(boolean satisfied, String evidence, String checkedBy, OffsetDateTime checkedAt) {
        this.satisfied = satisfied;
        this.evidence = evidence;
        this.checkedBy = checkedBy;
        this.checkedAt = checkedAt;
    }
}
