package jp.kyodo.proposal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.proposal.domain.ProposalStatus;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Finds consultation cases (相談案件) by field, outcome, fiscal year and Japanese text. Japanese has no spaces, so
 * the query's bigrams must all be in the case's bigram array (GIN index), and the folded text must then really
 * contain the folded query (bigrams alone would also match the pieces in another order).
 */
@ApplicationScoped
public class ConsultationCaseSearch {

    /** One case as staff and coordinators read it. */
    @Schema(name = "ConsultationCase", description = "A consultation case (相談案件): a proposal that did not lead to collaboration")
    public record Found(@Schema(description = "The proposal") UUID proposalId,
            @Schema(description = "Reference number (受付番号)", nullable = true) String referenceNumber,
            @Schema(description = "Fiscal year (年度)") int fiscalYear,
            @Schema(description = "The theme it answered, if any", nullable = true) UUID themeId,
            @Schema(description = "The department (所管課)") UUID departmentId,
            @Schema(description = "Field of activity (活動分野)") FieldOfActivity field,
            @Schema(description = "How it ended: NOT_ADOPTED, WITHDRAWN or NOT_PURSUED") ProposalStatus outcome,
            @Schema(description = "Why it ended", nullable = true) String reason,
            @Schema(description = "Title (事業名)") String title,
            @Schema(description = "Local issue (地域課題)") String localIssue,
            @Schema(description = "Approach (事業の進め方)") String approach,
            @Schema(description = "Proposing organisations; empty when their identity was removed") List<UUID> proposingOrganizationIds,
            @Schema(description = "Whether the proposers' identity was removed (no consent to keep it)") boolean identityRemoved,
            @Schema(description = "When it ended") Instant closedAt) {
    }

    /** Filters; null means any. The text is looked for in the title, local issue, approach and reason. */
    public record Query(String text, FieldOfActivity field, Integer fiscalYear, ProposalStatus outcome) {
    }

    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    public List<Found> search(Query query, Cursor after, int fetchSize) {
        StringBuilder sql = new StringBuilder("""
                select proposal_id, reference_number, fiscal_year, theme_id, department_id, field, outcome, reason,
                       title, local_issue, approach, proposing_organization_ids::text, identity_removed, closed_at
                  from consultation_case where 1 = 1
                """);
        List<Object> parameters = new ArrayList<>();
        String folded = SearchableText.fold(query.text());
        if (!folded.isEmpty()) {
            if (folded.codePointCount(0, folded.length()) >= 2) {
                sql.append(" and search_bigrams @> ?");
                parameters.add(SearchableText.bigrams(query.text()).toArray(String[]::new));
            }
            sql.append(" and strpos(search_text, ?) > 0");
            parameters.add(folded);
        }
        if (query.field() != null) {
            sql.append(" and field = ?");
            parameters.add(query.field().name());
        }
        if (query.fiscalYear() != null) {
            sql.append(" and fiscal_year = ?");
            parameters.add(query.fiscalYear());
        }
        if (query.outcome() != null) {
            sql.append(" and outcome = ?");
            parameters.add(query.outcome().name());
        }
        if (after != null) {
            sql.append(" and (closed_at < ? or (closed_at = ? and proposal_id < ?))");
            Timestamp at = Timestamp.from(Instant.parse(after.value(0)));
            parameters.add(at);
            parameters.add(at);
            parameters.add(UUID.fromString(after.value(1)));
        }
        sql.append(" order by closed_at desc, proposal_id desc limit ").append(fetchSize);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof String[] array) {
                    select.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    select.setObject(i + 1, value);
                }
            }
            List<Found> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String organizations = rs.getString(12);
                    found.add(new Found(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                            rs.getString(6) == null ? null : FieldOfActivity.valueOf(rs.getString(6)),
                            ProposalStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11),
                            organizations == null ? null : mapper.readValue(organizations, IDS), rs.getBoolean(13),
                            rs.getTimestamp(14).toInstant()));
                }
            }
            return found;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not search consultation cases", e);
        }
    }

    public static Cursor cursorOf(Found found) {
        return Cursor.after(found.closedAt().toString(), found.proposalId().toString());
    }
}
