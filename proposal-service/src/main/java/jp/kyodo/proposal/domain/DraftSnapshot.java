package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A shared draft as it was when shared or saved (事前相談の版): the pre-submission thread's comments name the draft
 * they were written on, so the thread is kept with the drafts it discussed.
 */
@Entity
@Table(name = "draft_snapshot")
@IdClass(DraftSnapshot.Key.class)
public class DraftSnapshot extends PanacheEntityBase {

    public record Key(UUID proposalId, int number) implements java.io.Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Id
    public int number;
    @JdbcTypeCode(SqlTypes.JSON)
    public ProposalContent content;
    @Column(name = "saved_by")
    public String savedBy;
    @Column(name = "saved_at")
    public Instant savedAt;

    public static List<DraftSnapshot> of(UUID proposalId) {
        return list("proposalId = ?1 order by number", proposalId);
    }

    /** Keeps the draft as it is now, as the next numbered snapshot; its number. */
    public static int take(Proposal proposal, String savedBy) {
        int next = (int) count("proposalId", proposal.id) + 1;
        DraftSnapshot snapshot = new DraftSnapshot();
        snapshot.proposalId = proposal.id;
        snapshot.number = next;
        snapshot.content = proposal.content;
        snapshot.savedBy = savedBy;
        snapshot.savedAt = Instant.now();
        snapshot.persist();
        return next;
    }

    public static int latest(UUID proposalId) {
        return (int) count("proposalId", proposalId);
    }
}
