package jp.kyodo.agreement.service.opendata;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.OutcomeOwnership;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Clause;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.PublishedDataset;

/** One agreement's public summary: the columns of agreements.csv. */
@PublishedDataset(name = "agreements", title = "協働契約（協定）の公開情報",
        summary = "Agreements in force and completed as open data (協定の公開データ)",
        description = "The public summary of every ACTIVE and COMPLETED agreement (its version in force), oldest first. "
                + "fiscalYear keeps agreements whose term touches that fiscal year.",
        multiLineColumns = { "partyNames", "tasks", "outcomeOwnership", "publicClauses" })
@Schema(name = "OpenDataAgreement", description = "The public summary of an agreement in force or completed (協定の公表)")
public record AgreementRecord(
        @Schema(description = "Id") UUID agreementId,
        @Schema(description = "The adopted proposal it came from; empty when staff opened it directly", nullable = true) UUID proposalId,
        @Schema(description = "Title (事業名)") String title,
        @Schema(description = "ACTIVE (締結済み) or COMPLETED (完了)") AgreementState state,
        @Schema(description = "Form (協働の形態)") CollaborationForm collaborationForm,
        @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
        @Schema(description = "Field (活動分野)") FieldOfActivity field,
        @Schema(description = "Purpose (事業目的)", nullable = true) String purpose,
        @Schema(description = "First day of the term (協定期間)") LocalDate termStart,
        @Schema(description = "Last day of the term") LocalDate termEnd,
        @Schema(description = "Fiscal years (年度) of the term; in CSV separated by ;") List<Integer> fiscalYears,
        @Schema(description = "The version in force (第N版)", nullable = true) Integer documentVersion,
        @Schema(description = "Parties (当事者); in CSV separated by ;") List<UUID> partyOrganizationIds,
        @Schema(description = "Their names, same order; in CSV one per line") List<String> partyNames,
        @Schema(description = "Tasks as \"party: task\" (役割分担); in CSV one per line") List<String> tasks,
        @Schema(description = "All parties' costs, whole yen (事業費)") long totalCostYen,
        @Schema(description = "The city's share, whole yen (市の負担額)") long cityShareYen,
        @Schema(description = "Whether amounts include consumption tax (消費税込み)", nullable = true) Boolean consumptionTaxIncluded,
        @Schema(description = "Estimated value of contributions in kind, whole yen (現物・役務の提供)") long inKindValueYen,
        @Schema(description = "Outcome ownership per deliverable as \"deliverable: OWNER\" (成果の帰属); in CSV one per line") List<String> outcomeOwnership,
        @Schema(description = "Clauses the parties marked public as \"heading: text\"; in CSV one per line") List<String> publicClauses,
        @Schema(description = "Day of completion (完了日), Asia/Tokyo; empty while ACTIVE", nullable = true) LocalDate completedOn) {

    /** The summary, with only the parties that may be named in public (an adopt group: with its consent). */
    static AgreementRecord of(Agreement a, AgreementContent c, java.util.function.Predicate<Party> named) {
        CostTotals totals = CostTotals.of(c);
        List<Party> shown = c.parties().stream().filter(named).toList();
        return new AgreementRecord(a.id, a.proposalId, c.title(), a.state, c.form(), c.activityArea(), c.field(),
                c.purpose(), c.term().start(), c.term().end(), c.term().fiscalYears(), a.versionInForce,
                shown.stream().map(Party::organizationId).toList(),
                shown.stream().map(p -> Objects.toString(p.name(), "")).toList(),
                c.tasks().stream().map(t -> c.party(t.responsiblePartyId()).filter(named).map(Party::name)
                        .orElse("登録団体") + ": " + t.description()).toList(),
                totals.totalYen(), totals.cityShareYen(), c.costs().consumptionTaxIncluded(),
                totals.inKindPerParty().values().stream().mapToLong(Long::longValue).sum(),
                c.deliverables().stream().map(d -> d.name() + ": "
                        + OutcomeOwnership.ownerOf(c.activityArea(), d).map(Enum::name).orElse("")).toList(),
                c.clauses().stream().filter(Clause::published).map(k -> k.heading() + ": " + k.text()).toList(),
                a.state == AgreementState.COMPLETED && a.endedAt != null
                        ? a.endedAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate() : null);
    }
}
