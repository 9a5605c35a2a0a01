package jp.kyodo.proposal.domain.publiccomment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One comment as submitted, with the commenter's name and address (氏名・住所), which only the department running the
 * period reads: never published, never in an event. Comments are never edited.
 */
@Entity
@Table(name = "public_comment")
public class PublicComment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "period_id")
    public UUID periodId;
    /** 受付番号: 1, 2, 3 … within the period; the published summary refers to comments by it. */
    @Column(name = "receipt_number")
    public int receiptNumber;
    @Column(name = "commenter_name")
    public String commenterName;
    @Column(name = "commenter_address")
    public String commenterAddress;
    @Enumerated(EnumType.STRING)
    public CommenterRelation relation;
    @Column(name = "workplace_or_school")
    public String workplaceOrSchool;
    public String body;
    /** The login of a signed-in commenter; null for a comment sent without an account. */
    @Column(name = "signed_in_subject")
    public String signedInSubject;
    @Column(name = "received_at")
    public Instant receivedAt;
}
