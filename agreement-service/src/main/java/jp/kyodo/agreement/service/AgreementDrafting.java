package jp.kyodo.agreement.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.ContentRules;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.CostLine;
import jp.kyodo.agreement.domain.content.CostPlan;
import jp.kyodo.agreement.domain.content.OutcomeGoal;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.Targets;
import jp.kyodo.agreement.domain.content.Term;
import jp.kyodo.agreement.events.AgreementDrafted;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.ProposalAdopted;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;

/** Creates draft agreements: from an adopted proposal, or opened directly by a department's staff. */
@ApplicationScoped
public class AgreementDrafting {

    private static final Logger LOG = Logger.getLogger(AgreementDrafting.class);

    @Inject
    PartyDirectory directory;

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    AgreementAccess access;

    @Inject
    Procedures procedures;

    /** One draft per adopted proposal, however often the event arrives. */
    @Transactional
    public void draftFromProposal(ProposalAdopted adopted) {
        if (Agreement.ofProposal(adopted.proposalId()).isPresent()) {
            LOG.debugf("proposal %s already has its agreement", adopted.proposalId());
            return;
        }
        AgreementContent content = directory.describeKnown(contentOf(adopted)).withIdsAssigned(UUID::randomUUID);
        Agreement agreement = Agreement.draft(UUID.randomUUID(), adopted.proposalId(), content.title(),
                CanonicalJson.write(content));
        agreement.persistAndFlush();
        directory.index(agreement.id, content.partyIds());
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "drafted")
                .transition(null, agreement.state)
                .reason("proposal " + adopted.referenceNumber() + " adopted")
                .details(Map.of("proposalId", adopted.proposalId().toString())));
        events.drafted(drafted(agreement, content, AgreementDrafted.FROM_PROPOSAL));
    }

    /**
     * A department opens an agreement directly (e.g. a disaster-response agreement with a company); an organisation
     * applies directly for the forms whose procedure allows it (後援, アダプト), naming the department it applies to.
     */
    @Transactional
    public Agreement open(UUID actingFor, AgreementContent requested) {
        access.subject();
        AgreementContent content = directory.describeAll(requested, "content.").withIdsAssigned(UUID::randomUUID);
        Party opener = access.requirePartyMember(content, actingFor);
        if (!opener.isCityDepartment() && !procedures.of(content.form()).directApplication()) {
            throw ProblemException.forbidden("Only a department opens a " + content.form()
                    + " directly; an organisation applies directly only for an endorsement or an adopt programme.",
                    "「" + content.form().japanese() + "」は所管課のみが直接作成できます（団体が直接申請できるのは後援とアダプト制度です）。");
        }
        List<FieldError> problems = prefixed(ContentRules.problems(content));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        Agreement agreement = Agreement.draft(UUID.randomUUID(), null, content.title(), CanonicalJson.write(content));
        agreement.persistAndFlush();
        directory.index(agreement.id, content.partyIds());
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "opened")
                .transition(null, agreement.state)
                .actingFor(actingFor));
        events.drafted(drafted(agreement, content, opener.isCityDepartment() ? AgreementDrafted.OPENED_BY_STAFF
                : AgreementDrafted.APPLIED_BY_ORGANIZATION));
        return agreement;
    }

    static List<FieldError> prefixed(List<FieldError> problems) {
        return problems.stream().map(p -> new FieldError("content." + p.field(), p.message())).toList();
    }

    private static AgreementDrafted drafted(Agreement agreement, AgreementContent content, String origin) {
        return new AgreementDrafted(agreement.id, agreement.version, agreement.proposalId, origin, content.title(),
                content.form(), content.activityArea(), content.field(), content.term().start(), content.term().end(),
                content.partyIds());
    }

    /** What the proposal already settled: purpose, approach, form, area, period, parties, budget and goals. */
    private static AgreementContent contentOf(ProposalAdopted p) {
        List<Party> parties = new ArrayList<>();
        for (UUID proposer : p.proposingOrganizationIds() == null ? List.<UUID>of() : p.proposingOrganizationIds()) {
            parties.add(new Party(proposer, null, null, null, null));
        }
        if (p.departmentId() != null && !p.proposingOrganizationIds().contains(p.departmentId())) {
            parties.add(new Party(p.departmentId(), null, null, null, null));
        }
        List<String> goals = p.goals() == null ? List.of() : p.goals();
        List<CostLine> lines = p.budgetLines() == null ? List.of()
                : p.budgetLines().stream()
                        .map(b -> new CostLine(null, b.organizationId(), b.fiscalYear(), b.item(), b.amountYen())).toList();
        return new AgreementContent(p.title(), p.collaborationForm(), p.activityArea(), p.field(), p.localIssue(),
                String.join("\n", goals), p.approach(), p.beneficiaries(), p.expectedEffects(),
                new Term(p.period().start(), p.period().end()), parties, List.of(),
                new CostPlan(null, lines, List.of(), null), List.of(), List.of(), List.of(),
                new Targets(List.of(), goals.stream().map(g -> new OutcomeGoal(null, g)).toList(), null), List.of(),
                null, List.of());
    }
}
