package jp.kyodo.evaluation.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.evaluation.events.AgreementSnapshot;
import jp.kyodo.evaluation.events.ProgrammeFacts;

/**
 * Keeps the programme read model from the events of the proposals and agreements topics (the directory read model
 * gives the actor types). Every upsert
 * merges: a field the event carries replaces the stored one, the state follows the newest version, so repeated or
 * out-of-order delivery converges on the same row. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class ProgrammeReadModel {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    public void proposal(ProgrammeFacts.ProposalFacts p, String status) {
        em.createNativeQuery("""
                insert into programme_proposal (proposal_id, version, fiscal_year, origin, field, collaboration_form,
                                                department_id, proposer_ids, status, submitted_at, decided_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?10, ?11)
                on conflict (proposal_id) do update set
                    fiscal_year = coalesce(excluded.fiscal_year, programme_proposal.fiscal_year),
                    origin = coalesce(excluded.origin, programme_proposal.origin),
                    field = coalesce(excluded.field, programme_proposal.field),
                    collaboration_form = coalesce(excluded.collaboration_form, programme_proposal.collaboration_form),
                    department_id = coalesce(excluded.department_id, programme_proposal.department_id),
                    proposer_ids = coalesce(excluded.proposer_ids, programme_proposal.proposer_ids),
                    submitted_at = coalesce(excluded.submitted_at, programme_proposal.submitted_at),
                    decided_at = coalesce(excluded.decided_at, programme_proposal.decided_at),
                    status = case when excluded.version > programme_proposal.version then excluded.status
                                  else programme_proposal.status end,
                    version = greatest(excluded.version, programme_proposal.version)
                """).setParameter(1, p.proposalId()).setParameter(2, p.version()).setParameter(3, p.fiscalYear())
                .setParameter(4, p.origin()).setParameter(5, p.field()).setParameter(6, p.collaborationForm())
                .setParameter(7, p.departmentId())
                .setParameter(8, p.proposingOrganizationIds() == null ? null : json(p.proposingOrganizationIds()))
                .setParameter(9, status).setParameter(10, time(p.submittedAt()))
                .setParameter(11, time("ADOPTED".equals(status) || "NOT_ADOPTED".equals(status)
                        ? (p.decidedAt() != null ? p.decidedAt() : p.closedAt()) : null))
                .executeUpdate();
    }

    public void intake(ProgrammeFacts.IntakeFacts i) {
        em.createNativeQuery("""
                insert into programme_intake (intake_id, version, fiscal_year, channel, field, status, outcome)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (intake_id) do update set
                    fiscal_year = excluded.fiscal_year, channel = excluded.channel, field = excluded.field,
                    status = excluded.status, outcome = excluded.outcome, version = excluded.version
                  where excluded.version > programme_intake.version
                """).setParameter(1, i.intakeId()).setParameter(2, i.version()).setParameter(3, i.fiscalYear())
                .setParameter(4, i.channel()).setParameter(5, i.field()).setParameter(6, i.status())
                .setParameter(7, i.outcome()).executeUpdate();
    }

    /** A period opened, a comment received (counted by its receipt number), a result published. */
    public void commentPeriod(ProgrammeFacts.CommentPeriodFacts c, boolean published) {
        int comments = c.commentCount() != null ? c.commentCount() : c.receiptNumber() != null ? c.receiptNumber() : 0;
        em.createNativeQuery("""
                insert into programme_comment_period (period_id, version, fiscal_year, subject_kind, comments,
                                                      result_published)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (period_id) do update set
                    subject_kind = coalesce(excluded.subject_kind, programme_comment_period.subject_kind),
                    comments = greatest(excluded.comments, programme_comment_period.comments),
                    result_published = excluded.result_published or programme_comment_period.result_published,
                    version = greatest(excluded.version, programme_comment_period.version)
                """).setParameter(1, c.periodId()).setParameter(2, c.version()).setParameter(3, c.fiscalYear())
                .setParameter(4, c.subjectKind()).setParameter(5, comments).setParameter(6, published)
                .executeUpdate();
    }

    /** An agreement in force (activated, amended, completed) or terminated, with the money of the version in force. */
    public void agreement(AgreementSnapshot a, String state, Instant activatedAt) {
        em.createNativeQuery("""
                insert into programme_agreement (agreement_id, version, proposal_id, collaboration_form, field, state,
                                                 activated_at, costs)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))
                on conflict (agreement_id) do update set
                    proposal_id = coalesce(excluded.proposal_id, programme_agreement.proposal_id),
                    activated_at = coalesce(programme_agreement.activated_at, excluded.activated_at),
                    costs = case when excluded.version > programme_agreement.version and excluded.costs is not null
                                 then excluded.costs else coalesce(programme_agreement.costs, excluded.costs) end,
                    state = case when excluded.version > programme_agreement.version then excluded.state
                                 else programme_agreement.state end,
                    version = greatest(excluded.version, programme_agreement.version)
                """).setParameter(1, a.agreementId()).setParameter(2, a.version()).setParameter(3, a.proposalId())
                .setParameter(4, a.collaborationForm().name()).setParameter(5, a.field().name()).setParameter(6, state)
                .setParameter(7, time(activatedAt)).setParameter(8, a.costs() == null ? null : json(a.costs()))
                .executeUpdate();
    }

    public void terminated(UUID agreementId, long version) {
        em.createNativeQuery("""
                update programme_agreement set state = 'TERMINATED', version = ?2 where agreement_id = ?1 and version < ?2
                """).setParameter(1, agreementId).setParameter(2, version).executeUpdate();
    }

    public void settlement(ProgrammeFacts.SettlementFacts s) {
        em.createNativeQuery("""
                insert into programme_settlement (agreement_id, organization_id, fiscal_year, version, confirmed_yen,
                                                  to_return_yen)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (agreement_id, organization_id, fiscal_year) do update set
                    confirmed_yen = excluded.confirmed_yen, to_return_yen = excluded.to_return_yen,
                    version = excluded.version
                  where excluded.version > programme_settlement.version
                """).setParameter(1, s.agreementId()).setParameter(2, s.organizationId()).setParameter(3, s.fiscalYear())
                .setParameter(4, s.version()).setParameter(5, s.confirmedAmountYen() == null ? 0 : s.confirmedAmountYen())
                .setParameter(6, s.toReturnYen() == null ? 0 : s.toReturnYen()).executeUpdate();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
