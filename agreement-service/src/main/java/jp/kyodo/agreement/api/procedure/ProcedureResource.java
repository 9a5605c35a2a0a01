package jp.kyodo.agreement.api.procedure;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.procedure.GrantDecision;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.CityDecisions;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** A collaboration's procedure as its form runs it, and the city's decision on the forms it alone decides. */
@Path("/api/agreements/{id}")
@Tag(name = "Procedures", description = "Each form's own procedure (協働の形態ごとの手続): the city's decisions, grants, "
        + "commissions, endorsements, co-hosted events, goods lent, supplies and activity reports")
public class ProcedureResource {

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureViews views;

    @Inject
    CityDecisions decisions;

    @GET
    @Path("procedure")
    @Operation(operationId = "getCollaborationProcedure", summary = "The collaboration's procedure, in its form's shape",
            description = "Where the common lifecycle stands, the form's tracks (grant years, commission years, the "
                    + "endorsement, events, goods, supply requests, activity reports) and every step expected next "
                    + "with its due date. Parties, city staff, coordinators and administrators; ETag: the agreement's "
                    + "version, which every step's If-Match names.")
    @APIResponse(responseCode = "200", description = "The procedure (ETag: the agreement's version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response procedure(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return Response.ok(views.of(agreement)).tag(ETags.of(agreement.version)).build();
    }

    @POST
    @Path("decision")
    @Transactional
    @Idempotent
    @Operation(operationId = "decideApplication", summary = "The city decides an application awaiting its decision",
            description = "For the forms the city alone decides (SUBSIDY: 交付決定 / 変更承認 / 不交付決定; ENDORSEMENT: 承認 / "
                    + "不承認). The department's signatory (決裁権者, within the amount limit) decides the version awaiting "
                    + "the decision, which the body names like a signature (no If-Match). An approval brings the version "
                    + "into force; a refusal gives reasons and ends the application (or discards an amendment). 409 "
                    + "when the exclusion rules forbid an endorsement.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "200", description = "The procedure after the decision (ETag: the agreement's version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull CityDecisionRequest body) {
        Agreement agreement;
        if (body instanceof CityDecisionRequest.SubsidyDecision s) {
            agreement = switch (s.outcome()) {
                case GRANTED -> decisions.grant(id, s.actingFor(), s.documentVersion(), s.contentSha256(), grant(s));
                case REFUSED -> decisions.refuse(id, s.actingFor(), s.documentVersion(), s.contentSha256(),
                        CollaborationForm.SUBSIDY, reasons(s));
            };
        } else {
            CityDecisionRequest.EndorsementDecision e = (CityDecisionRequest.EndorsementDecision) body;
            agreement = switch (e.outcome()) {
                case APPROVED -> decisions.approveEndorsement(id, e.actingFor(), e.documentVersion(), e.contentSha256(),
                        e.conditions());
                case REFUSED -> decisions.refuse(id, e.actingFor(), e.documentVersion(), e.contentSha256(),
                        CollaborationForm.ENDORSEMENT, reasons(e));
            };
        }
        return Response.ok(views.of(agreement)).tag(ETags.of(agreement.version)).build();
    }

    private static GrantDecision grant(CityDecisionRequest.SubsidyDecision s) {
        if (s.grant() == null) {
            throw ProblemException.invalidField("grant", "A grant decision states the grant's terms.",
                    "交付決定には交付の内容が必要です。");
        }
        CityDecisionRequest.Grant g = s.grant();
        return new GrantDecision(g.fiscalYear(), Yen.of(g.amountYen()), g.rate(), Yen.of(g.capYen()), g.conditions());
    }

    private static List<String> reasons(CityDecisionRequest decision) {
        if (decision.reasons() == null || decision.reasons().isEmpty()) {
            throw ProblemException.invalidField("reasons", "A refusal states its reasons.", "不承認・不交付には理由が必要です。");
        }
        return decision.reasons();
    }
}
