package jp.kyodo.proposal.domain.committee;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member's declaration of a conflict of interest (利害関係の申告) on a proposal, for the whole screening or for one
 * meeting. Declarations are a record: never edited or withdrawn.
 */
@Entity
@Table(name = "conflict_declaration")
public class ConflictDeclaration extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "committee_id")
    public UUID committeeId;
    public String member;
    @Column(name = "proposal_id")
    public UUID proposalId;
    /** The meeting it was declared for; null: the whole screening of the proposal. */
    @Column(name = "meeting_id")
    public UUID meetingId;
    public String reason;
    @Column(name = "declared_by")
    public String declaredBy;
    @Column(name = "declared_at")
    public Instant declaredAt;

    /** Whether the member declared a conflict on the proposal (at any meeting or for the whole screening). */
    public static boolean declared(UUID proposalId, String member) {
        return count("proposalId = ?1 and member = ?2", proposalId, member) > 0;
    }

    /** The members with a declared conflict on the proposal. */
    public static Set<String> conflictedOn(UUID proposalId) {
        List<ConflictDeclaration> declarations = list("proposalId", proposalId);
        return declarations.stream().map(d -> d.member).collect(Collectors.toSet());
    }
}
