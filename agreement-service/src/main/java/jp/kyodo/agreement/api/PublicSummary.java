package jp.kyodo.agreement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.OutcomeOwnership;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.platform.attachments.Attachment;
import jp.kyodo.platform.attachments.AttachmentView;
import jp.kyodo.agreement.domain.content.Clause;
import jp.kyodo.agreement.domain.content.OutcomeOwner;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * The public summary (公開情報) of an agreement in force or completed: parties, form, purpose, term, tasks by party,
 * costs per party, outcome ownership, clauses marked public, and the settlements (public money is public).
 * Liabilities, milestones and anything about people are never part of it.
 */
@Schema(name = "PublicAgreementSummary", description = "Public summary of an ACTIVE or COMPLETED agreement (協定の公表)")
public record PublicSummary(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "Title (事業名)") String title,
        @Schema(description = "ACTIVE or COMPLETED") AgreementState state,
        @Schema(description = "Form (協働の形態)") CollaborationForm form,
        @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
        @Schema(description = "Field (活動分野)") FieldOfActivity field,
        @Schema(description = "Purpose (事業目的)", nullable = true) String purpose,
        @Schema(description = "First day of the term") LocalDate termStart,
        @Schema(description = "Last day of the term") LocalDate termEnd,
        @Schema(description = "The version in force (第N版)") int documentVersion,
        @Schema(description = "Parties with the tasks each is responsible for or supports") List<PartyTasks> tasksByParty,
        @Schema(description = "Costs per party", nullable = true) CostTotalsView costs,
        @Schema(description = "Outcome ownership per deliverable (成果の帰属)") List<Ownership> outcomeOwnership,
        @Schema(description = "Clauses the parties marked public") List<PublicClause> publicClauses,
        @Schema(description = "Actual-cost reports and settlements (実績報告・精算)") List<SettlementSummary> settlements,
        @Schema(description = "When it was completed", nullable = true) OffsetDateTime completedAt,
        @Schema(description = "Files the parties marked public (never personal data such as receipts)")
        List<AttachmentView> attachments) {

    @Schema(name = "PublicPartyTasks")
    public record PartyTasks(@Schema(nullable = true, description = "The party's organisation; absent for an adopt group that did not "
            + "consent to being named") UUID organizationId,
            @Schema(nullable = true, description = "Its name (団体名); absent for an adopt group that did not consent to being named") String name,
            @Schema(description = "Kind of actor (協働の主体の種類)") ActorType actorType,
            @Schema(description = "Tasks it is responsible for (役割分担: 主担当)") List<String> responsibleFor,
            @Schema(description = "Tasks it supports (役割分担: 支援)") List<String> supports) {
    }

    @Schema(name = "PublicOwnership")
    public record Ownership(@Schema(description = "The deliverable (成果物)") String deliverable,
            @Schema(description = "Who owns it (帰属先)") OutcomeOwner owner,
            @Schema(description = "Who holds its copyright (著作権者)", nullable = true) OutcomeOwner copyrightHolder,
            @Schema(description = "The ownership clause as agreed", nullable = true) String clause) {
    }

    @Schema(name = "PublicClause")
    public record PublicClause(@Schema(description = "Heading (見出し)") String heading,
            @Schema(description = "Text of the clause (条文)") String text) {
    }

    @Schema(name = "PublicSettlement")
    public record SettlementSummary(@Schema(description = "The party that reported") UUID organizationId,
            @Schema(description = "Fiscal year (年度)") int fiscalYear,
            @Schema(description = "Planned cost (予算額), whole yen") long plannedCostYen,
            @Schema(description = "Actual cost (実績額), whole yen") long actualCostYen,
            @Schema(description = "Amount confirmed by the settlement (確定額); absent until settled", nullable = true) Long confirmedAmountYen,
            @Schema(description = "Still to be paid by the city (追加交付額); absent until settled", nullable = true) Long toPayYen,
            @Schema(description = "To be returned to the city (返還額); absent until settled", nullable = true) Long toReturnYen) {
    }

    /** The summary, naming a party only where its form's procedure allows it in public (an adopt group: consent). */
    public static PublicSummary of(Agreement a, AgreementContent c, FormProcedure procedure) {
        List<Settlement> settlements = Settlement.allOf(a.id);
        java.util.function.Predicate<jp.kyodo.agreement.domain.content.Party> named = p -> procedure
                .namesPartyPublicly(c, p);
        return new PublicSummary(a.id, c.title(), a.state, c.form(), c.activityArea(), c.field(), c.purpose(),
                c.term().start(), c.term().end(), a.versionInForce,
                c.parties().stream().map(p -> new PartyTasks(named.test(p) ? p.organizationId() : null,
                        named.test(p) ? p.name() : null, p.actorType(),
                        c.tasks().stream().filter(t -> t.responsiblePartyId().equals(p.organizationId()))
                                .map(t -> t.description()).toList(),
                        c.tasks().stream().filter(t -> t.supportingPartyIds().contains(p.organizationId()))
                                .map(t -> t.description()).toList())).toList(),
                CostTotalsView.of(c),
                c.deliverables().stream().map(d -> new Ownership(d.name(),
                        OutcomeOwnership.ownerOf(c.activityArea(), d).orElse(null),
                        OutcomeOwnership.copyrightHolderOf(c.activityArea(), d).orElse(null), d.ownershipClause()))
                        .toList(),
                c.clauses().stream().filter(Clause::published).map(k -> new PublicClause(k.heading(), k.text())).toList(),
                CostReport.allOf(a.id).stream().filter(r -> c.party(r.organizationId).map(named::test).orElse(true))
                        .map(r -> {
                    Settlement s = settlements.stream()
                            .filter(x -> x.organizationId.equals(r.organizationId) && x.fiscalYear == r.fiscalYear)
                            .findFirst().orElse(null);
                    return new SettlementSummary(r.organizationId, r.fiscalYear, r.plannedTotalYen, r.actualTotalYen,
                            s == null ? null : s.confirmedAmountYen, s == null ? null : s.toPayYen,
                            s == null ? null : s.toReturnYen);
                }).toList(),
                a.state == AgreementState.COMPLETED ? a.endedAt : null,
                Attachment.ofAggregate(a.id).stream().filter(f -> f.isPublic)
                        .map(f -> AttachmentView.of(f, "/api/agreements/public/" + a.id + "/attachments")).toList());
    }
}
