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

/** One comment of the consultation thread (協議) on a proposal. Comments are never edited: the thread is a record. */
@Entity
@Table(name = "consultation_comment")
public class ConsultationComment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "proposal_id")
    public UUID proposalId;
    public String author;
    @Column(name = "acting_for")
    public UUID actingFor;
    @Enumerated(EnumType.STRING)
    public CommentSide side;
    public String body;
    @Column(name = "posted_at")
    public Instant postedAt;
}
