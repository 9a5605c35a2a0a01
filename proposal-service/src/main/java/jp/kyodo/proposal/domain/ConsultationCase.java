package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;

/**
 * A consultation case (相談案件): a proposal that did not lead to collaboration, kept with its reason so the city
 * learns which ideas did not get there and why (協働モデルの蓄積). Without the proposers' consent their identity
 * is removed.
 */
@Entity
@Table(name = "consultation_case")
public class ConsultationCase extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Column(name = "reference_number")
    public String referenceNumber;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "theme_id")
    public UUID themeId;
    @Column(name = "department_id")
    public UUID departmentId;
    @Enumerated(EnumType.STRING)
    public FieldOfActivity field;
    @Enumerated(EnumType.STRING)
    public ProposalStatus outcome;
    public String reason;
    public String title;
    @Column(name = "local_issue")
    public String localIssue;
    public String approach;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "proposing_organization_ids")
    public List<UUID> proposingOrganizationIds;
    @Column(name = "identity_removed")
    public boolean identityRemoved;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "search_text")
    public String searchText;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_bigrams")
    public String[] searchBigrams;

    private static final String FIELD_SEPARATOR = "\u00A6";

    /** The case a proposal leaves behind when it ends without collaboration. */
    public static ConsultationCase of(Proposal proposal, String reason, Instant closedAt) {
        ConsultationCase c = new ConsultationCase();
        c.proposalId = proposal.id;
        c.referenceNumber = proposal.referenceNumber;
        c.fiscalYear = proposal.fiscalYear;
        c.themeId = proposal.themeId;
        c.departmentId = proposal.content.departmentId();
        c.field = proposal.content.field();
        c.outcome = proposal.status;
        c.reason = reason;
        c.title = proposal.content.title();
        c.localIssue = proposal.content.localIssue();
        c.approach = proposal.content.approach();
        c.identityRemoved = !Boolean.TRUE.equals(proposal.consentToCaseArchive);
        c.proposingOrganizationIds = c.identityRemoved ? null : proposal.content.proposingOrganizationIds();
        c.closedAt = closedAt;
        // A separator that folding keeps, so that no match spans two fields.
        String searchable = String.join(FIELD_SEPARATOR, nonNull(c.title), nonNull(c.localIssue),
                nonNull(c.approach), nonNull(reason));
        c.searchText = SearchableText.fold(searchable);
        c.searchBigrams = SearchableText.bigrams(searchable).toArray(String[]::new);
        return c;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
