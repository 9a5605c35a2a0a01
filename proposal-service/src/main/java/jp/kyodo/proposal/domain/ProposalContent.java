package jp.kyodo.proposal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.FieldError;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a proposal says, as the proposers wrote it. A draft may still be incomplete; a submitted proposal and every
 * revision of it is complete. Each published version keeps one of these unchanged.
 */
@Schema(description = "What a proposal says (提案内容), as one published version keeps it")
public record ProposalContent(
        @Schema(description = "Proposing organisations (提案団体)") List<UUID> proposingOrganizationIds,
        @Schema(description = "Title (事業名)") String title,
        @Schema(description = "Local issue (地域課題)", nullable = true) String localIssue,
        @Schema(description = "Goals (目標)") List<String> goals,
        @Schema(description = "Approach (事業の進め方)", nullable = true) String approach,
        @Schema(description = "Collaboration form (協働の形態)", nullable = true) CollaborationForm collaborationForm,
        @Schema(description = "Activity area (協働の領域)", nullable = true) ActivityArea activityArea,
        @Schema(description = "Field of activity (活動分野)", nullable = true) FieldOfActivity field,
        @Schema(description = "Period (実施期間)", nullable = true) Period period,
        @Schema(description = "Beneficiaries (受益者)", nullable = true) String beneficiaries,
        @Schema(description = "Budget by party (費用分担), whole yen") List<BudgetLine> budgetLines,
        @Schema(description = "Expected effects (期待される効果)", nullable = true) String expectedEffects,
        @Schema(description = "Department (所管課) asked to work with", nullable = true) UUID departmentId) {

    public ProposalContent {
        proposingOrganizationIds = proposingOrganizationIds == null ? List.of() : List.copyOf(proposingOrganizationIds);
        goals = goals == null ? List.of() : List.copyOf(goals);
        budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
    }

    public boolean isProposer(UUID organizationId) {
        return proposingOrganizationIds.contains(organizationId);
    }

    /** The city's share of the budget: the lines of the department it asks to work with. */
    public Yen cityShare() {
        return budgetLines.stream().filter(line -> line.organizationId().equals(departmentId))
                .map(line -> Yen.of(line.amountYen())).reduce(Yen.ZERO, Yen::plus);
    }

    /** Contradictions within the content, whether draft or not: they are refused at once. */
    public List<FieldError> inconsistencies() {
        List<FieldError> errors = new ArrayList<>();
        if (period != null && period.endsBeforeItStarts()) {
            errors.add(FieldError.of("period.end", "The period cannot end before it starts.",
                    "終了日は開始日より前にできません。"));
        }
        for (int i = 0; i < budgetLines.size(); i++) {
            BudgetLine line = budgetLines.get(i);
            if (!isProposer(line.organizationId()) && !line.organizationId().equals(departmentId)) {
                errors.add(FieldError.of("budgetLines[" + i + "].organizationId",
                        "A budget line belongs to a proposing organisation or the department.",
                        "費用は提案団体または所管課のいずれかに計上してください。"));
            }
            if (period != null && period.hasBothDays() && !period.overlaps(FiscalYear.of(line.fiscalYear()))) {
                errors.add(FieldError.of("budgetLines[" + i + "].fiscalYear",
                        "The fiscal year is outside the period of the proposal.",
                        "年度が実施期間の外です。"));
            }
        }
        return errors;
    }

    /** What a proposal must say before it can be submitted or revised. */
    public List<FieldError> missingForSubmission() {
        List<FieldError> errors = new ArrayList<>();
        requireText(errors, "title", title);
        requireText(errors, "localIssue", localIssue);
        if (goals.isEmpty() || goals.stream().anyMatch(g -> g == null || g.isBlank())) {
            errors.add(required("goals"));
        }
        requireText(errors, "approach", approach);
        require(errors, "collaborationForm", collaborationForm);
        require(errors, "activityArea", activityArea);
        require(errors, "field", field);
        if (period == null || period.start() == null) {
            errors.add(required("period.start"));
        }
        if (period == null || period.end() == null) {
            errors.add(required("period.end"));
        }
        requireText(errors, "beneficiaries", beneficiaries);
        requireText(errors, "expectedEffects", expectedEffects);
        require(errors, "departmentId", departmentId);
        if (proposingOrganizationIds.isEmpty()) {
            errors.add(required("proposingOrganizationIds"));
        }
        return errors;
    }

    private static void requireText(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(required(field));
        }
    }

    private static void require(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(required(field));
        }
    }

    private static FieldError required(String field) {
        return FieldError.of(field, "Required before submission.", "提出前に入力が必要です。");
    }
}
