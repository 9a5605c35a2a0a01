package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.platform.problem.ProblemException;

/** A published version of a proposal, kept unchanged: 1 as submitted, then one per brush-up revision. */
@Entity
@Table(name = "proposal_version")
public class ProposalVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "proposal_id")
    public UUID proposalId;
    public int number;
    @JdbcTypeCode(SqlTypes.JSON)
    public ProposalContent content;
    public String note;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;

    public static ProposalVersion of(Proposal proposal, String note, String publishedBy, Instant at) {
        ProposalVersion version = new ProposalVersion();
        version.id = UUID.randomUUID();
        version.proposalId = proposal.id;
        version.number = proposal.revision;
        version.content = proposal.content;
        version.note = note;
        version.publishedBy = publishedBy;
        version.publishedAt = at;
        return version;
    }

    public static List<ProposalVersion> of(UUID proposalId) {
        return list("proposalId = ?1 order by number", proposalId);
    }

    public static ProposalVersion require(UUID proposalId, int number) {
        ProposalVersion version = find("proposalId = ?1 and number = ?2", proposalId, number).firstResult();
        if (version == null) {
            throw ProblemException.notFound("No such version of the proposal.", "提案のその版は存在しません。");
        }
        return version;
    }
}
