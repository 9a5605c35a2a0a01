package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import jp.kyodo.client.ApiClient;
import jp.kyodo.client.ApiException;
import jp.kyodo.client.api.AgreementsApi;
import jp.kyodo.client.api.EvaluationPlansAndRoundsApi;
import jp.kyodo.client.api.OrganisationsApi;
import jp.kyodo.client.api.ProposalsApi;
import jp.kyodo.client.model.ActivityArea;
import jp.kyodo.client.model.Agreement;
import jp.kyodo.client.model.BudgetLineInput;
import jp.kyodo.client.model.CollaborationForm;
import jp.kyodo.client.model.EvaluationItemDescription;
import jp.kyodo.client.model.EvaluationPartyAssessment;
import jp.kyodo.client.model.EvaluationPlan;
import jp.kyodo.client.model.FieldOfActivity;
import jp.kyodo.client.model.OrganizationView;
import jp.kyodo.client.model.PeriodInput;
import jp.kyodo.client.model.Proposal;
import jp.kyodo.client.model.ProposalRequest;
import jp.kyodo.client.model.ScoreLine;
import jp.kyodo.client.model.SelfAssessmentRequest;
import jp.kyodo.client.model.SignatureRequest;
import jp.kyodo.client.model.SubmissionRequest;
import jp.kyodo.client.model.VersionView;

/**
 * A partner NPO's own system, built on a client generated from the merged OpenAPI document at build time
 * (openapi-generator, see the pom) and signed in with client credentials: it reads its organisation, drafts and
 * submits a proposal, reads the agreement that comes of it and signs it, and submits its self-assessment. The city's
 * steps in between (consultation, screening, decision, the working copy, its signature, opening the round) are done
 * by the demo staff through the gateway. If the document drifts from what the services do, the client breaks here.
 */
@ExtendWith(SystemUnderTest.class)
class PartnerClientIT {

    private static final int FISCAL_YEAR = 2028;
    private static final long CITY_SHARE = 800_000;

    @Test
    void aPartnerSystemRunsItsCollaborationThroughTheGeneratedClient() throws Exception {
        String tag = Kyodo.tag();
        // The city: a department with a signatory, and the NPO whose system signs in as the service account of
        // kyodo-partner-system; the service account is the NPO's representative, so it acts for the NPO.
        UUID dept = Kyodo.registerDepartment("staff1", "協働推進課P " + tag);
        Kyodo.addMember("staff1", dept, DemoUsers.SIGNER1, "SIGNATORY", 5_000_000L);
        UUID npo = Kyodo.registerNpo("staff1", "NPO法人つながる畑 " + tag);
        Kyodo.verify("staff1", npo);
        Kyodo.addMember("staff1", npo, DemoUsers.PARTNER_SYSTEM, "REPRESENTATIVE", null);

        ApiClient client = partnerClient();
        OrganisationsApi organisations = new OrganisationsApi(client);
        ProposalsApi proposals = new ProposalsApi(client);
        AgreementsApi agreements = new AgreementsApi(client);
        EvaluationPlansAndRoundsApi evaluations = new EvaluationPlansAndRoundsApi(client);

        // 1. Its organisation, as the directory shows it to a member.
        OrganizationView organisation = organisations.organizationResourceRead(npo);
        assertEquals(npo, organisation.getId());
        assertEquals("VERIFIED", String.valueOf(organisation.getStatus()));

        // 2. A draft (once the proposal service has heard of the membership), then its submission.
        ProposalRequest draft = new ProposalRequest()
                .actingFor(npo)
                .proposingOrganizationIds(List.of(npo))
                .title("畑でつながる子ども食堂 " + tag)
                .localIssue("子どもの孤食が増えている")
                .goals(List.of("子どもが週1回みんなで食べる", "地域の農家とつながる"))
                .approach("市民農園で育てた野菜で月4回の食堂を開く")
                .collaborationForm(CollaborationForm.JOINT_FUNDING)
                .activityArea(ActivityArea.C)
                .field(FieldOfActivity.CHILD_REARING)
                .period(new PeriodInput().start(LocalDate.of(FISCAL_YEAR, 4, 1)).end(LocalDate.of(FISCAL_YEAR + 1, 3, 31)))
                .beneficiaries("市内の小中学生と保護者")
                .budgetLines(List.of(
                        new BudgetLineInput().organizationId(dept).fiscalYear(FISCAL_YEAR).item("協働負担金").amountYen(CITY_SHARE),
                        new BudgetLineInput().organizationId(npo).fiscalYear(FISCAL_YEAR).item("自主財源").amountYen(150_000L)))
                .expectedEffects("子どもの居場所が増える")
                .departmentId(dept);
        String idempotencyKey = UUID.randomUUID().toString();
        Proposal created = once("proposal-service knows the partner system acts for the NPO",
                () -> proposals.proposalResourceCreate(draft, idempotencyKey));
        assertEquals("DRAFT", String.valueOf(created.getStatus()));
        assertEquals(List.of(npo), created.getProposingOrganizationIds());

        Proposal submitted = once("proposal-service has seen the NPO verified",
                // The draft it has just created: whatever version is current ("*", RFC 9110) is the one it submits.
                () -> proposals.proposalResourceSubmit(created.getId(), "*",
                        new SubmissionRequest().actingFor(npo).consentToCaseArchive(true), null));
        assertEquals("SUBMITTED", String.valueOf(submitted.getStatus()));
        assertNotNull(submitted.getReferenceNumber(), "a submitted proposal has its reference number (受付番号)");

        // The city consults, screens and adopts it.
        adopt(created.getId(), dept);

        // 3. The agreement drafted from the adopted proposal: the city completes the working copy, the department's
        // signatory signs, and the partner system reads the frozen version and signs for the NPO.
        UUID agreementId = Eventually.await("agreement-service drafted the agreement", Eventually.CROSS_SERVICE,
                () -> {
                    try {
                        var page = agreements.agreementResourceList(null, null, null, created.getId(), null);
                        return page.getItems().stream().findFirst().map(Agreement::getId);
                    } catch (ApiException e) {
                        return Optional.empty();
                    }
                });
        VersionView frozen = completeAndFreeze(agreementId, dept, npo);
        sign("signer1", agreementId, dept, frozen);
        VersionView toSign = agreements.agreementResourceVersion(agreementId, frozen.getDocumentVersion());
        assertEquals(frozen.getContentSha256(), toSign.getContentSha256());
        once("agreement-service knows the partner system represents the NPO",
                () -> agreements.signatureResourceSign(agreementId, new SignatureRequest().actingFor(npo)
                        .documentVersion(toSign.getDocumentVersion()).contentSha256(toSign.getContentSha256()), null));
        Agreement agreement = agreements.agreementResourceRead(agreementId);
        assertEquals("ACTIVE", String.valueOf(agreement.getState()));
        assertEquals(frozen.getDocumentVersion(), agreement.getVersionInForce());
        assertTrue(agreement.getParties().stream().anyMatch(p -> npo.equals(p.getOrganizationId())));

        // 4. The city opens an interim round; the partner system submits the NPO's self-assessment.
        UUID planId = Eventually.await("evaluation-service made the plan", Eventually.CROSS_SERVICE, () -> {
            try {
                return evaluations.evaluationPlanResourcePlans(agreementId, null, null).getItems().stream()
                        .findFirst().map(EvaluationPlan::getId);
            } catch (ApiException e) {
                return Optional.empty();
            }
        });
        UUID roundId = openRound(planId, dept);
        EvaluationPlan plan = evaluations.evaluationPlanResourcePlan(planId);
        SelfAssessmentRequest assessment = assessment(evaluations.evaluationPlanResourceItems(), plan);
        EvaluationPartyAssessment mine = once("evaluation-service knows the partner system represents the NPO",
                () -> evaluations.evaluationRoundResourceSubmit(npo, roundId, assessment));
        assertEquals(npo, mine.getOrganizationId());
        assertEquals(Boolean.TRUE, mine.getSubmitted());
    }

    // ------------------------------------------------------------------------------------------------ the client

    /** The generated client, pointed at the gateway, sending the partner system's client-credentials token. */
    private static ApiClient partnerClient() {
        URI gateway = URI.create(SystemUnderTest.gatewayUrl());
        ApiClient client = new ApiClient();
        client.setScheme(gateway.getScheme());
        client.setHost(gateway.getHost());
        client.setPort(gateway.getPort());
        client.setBasePath("");
        String token = SystemUnderTest.clientCredentialsToken();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private interface Call<T> {
        T call() throws ApiException;
    }

    /**
     * The call, repeated while a service answers 403: its read model of the directory (membership, verification)
     * is fed by events and may not have caught up yet. A refusal changes nothing, so repeating is safe.
     */
    private static <T> T once(String what, Call<T> call) {
        return Eventually.await(what, Eventually.CROSS_SERVICE, () -> {
            try {
                return Optional.of(call.call());
            } catch (ApiException e) {
                if (e.getCode() == 403) {
                    return Optional.empty();
                }
                throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
            }
        }, IllegalStateException.class);
    }

    // ------------------------------------------------------------------------------------------------ the city

    private static void adopt(UUID proposal, UUID dept) {
        String base = "/api/proposals/" + proposal;
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base))
                .body(Map.of("actingFor", dept.toString())), "POST", base + "/consultation", 200);
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base))
                .body(Map.of("actingFor", dept.toString(), "reviewers", List.of(DemoUsers.REVIEWER1))),
                "POST", base + "/screening", 200);
        call(() -> Gateway.as("reviewer1").body(MatrixFixture.scores("実現性が高い")), "POST", base + "/scores", 201);
        call(() -> Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base)).body(Map.of("actingFor",
                dept.toString(), "outcome", "ADOPTED", "rationale", "地域の課題に合っている")), "POST", base + "/decision", 200);
    }

    /** The department completes the working copy (tasks, targets, costs) and submits it for signature. */
    private static VersionView completeAndFreeze(UUID agreement, UUID dept, UUID npo) {
        String path = "/api/agreements/" + agreement + "/working-copy";
        ExtractableResponse<Response> view = call(() -> Gateway.as("staff1"), "GET", path, 200);
        ObjectNode content = (ObjectNode) MatrixFixture.readTree(view.asString()).path("content");
        var tasks = content.putArray("tasks");
        tasks.addObject().put("description", "食堂の運営").put("responsiblePartyId", npo.toString())
                .putArray("supportingPartyIds").add(dept.toString());
        tasks.addObject().put("description", "広報と会場の調整").put("responsiblePartyId", dept.toString())
                .putArray("supportingPartyIds");
        ObjectNode targets = content.with("targets");
        targets.putArray("indicators").addObject().put("name", "参加した子ども").put("unit", "人").put("targetValue", 200);
        targets.putObject("satisfactionTarget").put("targetPercent", 80).put("method", "アンケート");
        content.with("costs").put("consumptionTaxIncluded", true).put("declaredCityShareYen", CITY_SHARE);
        content.putArray("deliverables").addObject().put("name", "食堂の手引き").put("ownership", "JOINT")
                .put("ownershipClause", "市と団体の共有とする");
        String read = view.header("ETag");
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("actingFor", dept.toString());
        edit.put("content", content);
        String current = call(() -> Gateway.as("staff1").header("If-Match", read).body(edit), "PUT", path, 200)
                .header("ETag");
        JsonNode frozen = MatrixFixture.readTree(call(() -> Gateway.as("staff1").header("If-Match", current)
                .body(Map.of("actingFor", dept.toString())), "POST", "/api/agreements/" + agreement + "/submission", 201)
                .asString());
        return new VersionView().documentVersion(frozen.path("documentVersion").asInt())
                .contentSha256(frozen.path("contentSha256").asText());
    }

    private static void sign(String user, UUID agreement, UUID actingFor, VersionView version) {
        Map<String, Object> signature = Map.of("actingFor", actingFor.toString(),
                "documentVersion", version.getDocumentVersion(), "contentSha256", version.getContentSha256());
        Eventually.until("agreement-service knows " + user + " signs for " + actingFor, Eventually.CROSS_SERVICE,
                () -> call(() -> Gateway.as(user).body(signature), "POST", "/api/agreements/" + agreement + "/signatures",
                        -1).statusCode() == 201);
    }

    private static UUID openRound(UUID plan, UUID dept) {
        Map<String, Object> body = Map.of("kind", "INTERIM", "fiscalYear", FISCAL_YEAR, "actingFor", dept.toString());
        return Eventually.await("evaluation-service lets staff1 open a round", Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> r = call(() -> Gateway.as("staff1").body(body), "POST",
                    "/api/evaluations/" + plan + "/rounds", -1);
            if (r.statusCode() == 201) {
                return Optional.of(UUID.fromString(r.path("id")));
            }
            if (r.statusCode() == 403) {
                return Optional.empty();
            }
            throw new IllegalStateException("opening a round: " + r.statusCode() + " " + r.asString());
        }, IllegalStateException.class);
    }

    /** Every catalogue item scored 3, per indicator and per goal where the item is scored so. */
    private static SelfAssessmentRequest assessment(List<EvaluationItemDescription> items, EvaluationPlan plan) {
        List<ScoreLine> project = new ArrayList<>();
        List<ScoreLine> collaboration = new ArrayList<>();
        for (EvaluationItemDescription item : items) {
            List<ScoreLine> lines = "PROJECT".equals(String.valueOf(item.getTrack())) ? project : collaboration;
            switch (String.valueOf(item.getScoredPer())) {
                case "INDICATOR" -> plan.getIndicators().forEach(i -> lines.add(
                        line(item).indicatorId(i.getIndicatorId()).actualValue(java.math.BigDecimal.valueOf(180))));
                case "GOAL" -> plan.getOutcomeGoals().forEach(g -> lines.add(line(item).goalId(g.getGoalId())));
                default -> {
                    ScoreLine line = line(item);
                    if ("PROJECT_BENEFICIARY_SATISFACTION".equals(String.valueOf(item.getItem()))) {
                        line.actualValue(java.math.BigDecimal.valueOf(85));
                    }
                    lines.add(line);
                }
            }
        }
        return new SelfAssessmentRequest().project(project).collaboration(collaboration);
    }

    private static ScoreLine line(EvaluationItemDescription item) {
        return new ScoreLine().item(item.getItem()).score(3);
    }

    private static ExtractableResponse<Response> call(Supplier<io.restassured.specification.RequestSpecification> request,
            String method, String path, int expected) {
        return MatrixFixture.call(request, method, path, expected);
    }
}
