package jp.kyodo.proposal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.proposal.domain.BudgetLine;
import jp.kyodo.proposal.domain.Period;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalContent;
import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.ReferenceNumber;
import jp.kyodo.proposal.domain.ScreeningResult;

@Schema(name = "Proposal", description = "A collaboration proposal (協働事業提案)")
public record ProposalView(
        @Schema(description = "Id") UUID id,
        @Schema(description = "Reference number (受付番号) per fiscal year, e.g. 2027-0012; absent while a draft", nullable = true) String referenceNumber,
        @Schema(description = "The reference number as in city documents, e.g. 令和9年度 第0012号", nullable = true) String referenceNumberJa,
        @Schema(description = "Fiscal year (年度) of the reference number", nullable = true) Integer fiscalYear,
        @Schema(description = "Fiscal year in the Japanese era, e.g. 令和9年度", nullable = true) String fiscalYearEraName,
        @Schema(description = "State") ProposalStatus status,
        @Schema(description = "States it can move to next") List<ProposalStatus> nextStates,
        @Schema(description = "Origin (発意)") ProposalOrigin origin,
        @Schema(description = "The theme (協働テーマ) it answers; absent for a citizen-initiated proposal (市民提案)", nullable = true) UUID themeId,
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
        @Schema(description = "City's share: the department's budget lines, whole yen") long cityShareYen,
        @Schema(description = "Expected effects (期待される効果)", nullable = true) String expectedEffects,
        @Schema(description = "Department (所管課)", nullable = true) UUID departmentId,
        @Schema(description = "Number of the latest published version; 0 while a draft") int revision,
        @Schema(description = "Whether the proposers consented to keep it as a consultation case (相談案件) with their identity", nullable = true) Boolean consentToCaseArchive,
        @Schema(description = "When the draft was created") Instant createdAt,
        @Schema(description = "When it was first submitted (提出)", nullable = true) Instant submittedAt,
        @Schema(description = "When it was decided (採択・不採択)", nullable = true) Instant decidedAt,
        @Schema(description = "The committee's rationale (選考理由) of the decision", nullable = true) String decisionRationale,
        @Schema(description = "Why it ended without collaboration (withdrawn, not pursued)", nullable = true) String closingReason,
        @Schema(description = "Aggregate screening result (審査結果): means per criterion and the weighted mean; no reviewer comments", nullable = true) ScreeningResult screeningResult,
        @Schema(description = "While SUBMITTED: the date (Asia/Tokyo) by which the department is asked to reply (take it "
                + "into consultation or close it)", format = "date", nullable = true) java.time.LocalDate replyDueOn,
        @Schema(description = "Version for If-Match (also the ETag)") long version) {

    static ProposalView of(Proposal p, ScreeningResult screeningResult) {
        ProposalContent c = p.content;
        return new ProposalView(p.id, p.referenceNumber, ReferenceNumber.japaneseOf(p.referenceNumber), p.fiscalYear,
                p.fiscalYear == null ? null : FiscalYear.of(p.fiscalYear).eraName(), p.status,
                p.status.next().stream().toList(), p.origin, p.themeId, c.proposingOrganizationIds(), c.title(),
                c.localIssue(), c.goals(), c.approach(), c.collaborationForm(), c.activityArea(), c.field(),
                c.period(), c.beneficiaries(), c.budgetLines(), c.cityShare().amount(), c.expectedEffects(),
                c.departmentId(), p.revision, p.consentToCaseArchive, p.createdAt, p.submittedAt, p.decidedAt,
                p.decisionRationale, p.closingReason, screeningResult, p.replyDueOn, p.version);
    }
}
