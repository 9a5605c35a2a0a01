package jp.kyodo.proposal.domain;

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
 * A comment of the pre-submission thread on a shared draft. A note the department or a coordinator marks city-side
 * only is never shown to the proposers. Comments are never edited.
 */
@Entity
@Table(name = "draft_comment")
public class DraftComment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "proposal_id")
    public UUID proposalId;
    /** The draft snapshot it was written on. */
    public int draft;
    public String author;
    @Column(name = "acting_for")
    public UUID actingFor;
    @Enumerated(EnumType.STRING)
    public CommentSide side;
    @Column(name = "city_only")
    public boolean cityOnly;
    public String body;
    @Column(name = "posted_at")
    public Instant postedAt;
}
