package jp.kyodo.proposal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.proposal.domain.ScreeningCriterion;
import jp.kyodo.proposal.domain.Theme;

@Schema(name = "Theme", description = "A published collaboration theme (協働テーマ)")
public record ThemeView(
        @Schema(description = "Id") UUID id,
        @Schema(description = "The department (所管課) that published it") UUID departmentId,
        @Schema(description = "Title (テーマ名)") String title,
        @Schema(description = "Local issue (地域課題)") String localIssue,
        @Schema(description = "Fiscal year (年度)") int fiscalYear,
        @Schema(description = "Fiscal year in the Japanese era, e.g. 令和9年度") String fiscalYearEraName,
        @Schema(description = "Ceiling of the city's share per proposal (上限額), whole yen") long budgetCeilingYen,
        @Schema(description = "When the application window (募集期間) opens") Instant opensAt,
        @Schema(description = "When the application window closes") Instant closesAt,
        @Schema(description = "First day of the window (Asia/Tokyo)") LocalDate opensOn,
        @Schema(description = "Last day of the window (Asia/Tokyo)") LocalDate closesOn,
        @Schema(description = "Whether it accepts proposals now") boolean open,
        @Schema(description = "Eligibility notes (応募資格)", nullable = true) String eligibilityNotes,
        @Schema(description = "Field of activity (活動分野)", nullable = true) FieldOfActivity field,
        @Schema(description = "Weights of the screening criteria (審査基準の重み)") Map<ScreeningCriterion, Integer> criteriaWeights,
        @Schema(description = "When it was published (公募開始)") Instant publishedAt,
        @Schema(description = "Version for If-Match (also the ETag)") long version) {

    static ThemeView of(Theme t) {
        return new ThemeView(t.id, t.departmentId, t.title, t.localIssue, t.fiscalYear, t.fiscal().eraName(),
                t.budgetCeilingYen, t.window.opensAt, t.window.closesAt, t.window.opensOn(), t.window.closesOn(),
                t.acceptsProposalsAt(Instant.now()), t.eligibilityNotes, t.field, t.criteriaWeights, t.publishedAt,
                t.version);
    }
}
