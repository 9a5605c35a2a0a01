package jp.kyodo.proposal.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.proposal.domain.intake.Intake;
import jp.kyodo.proposal.domain.intake.IntakeChannel;
import jp.kyodo.proposal.domain.intake.IntakeFollowUp;
import jp.kyodo.proposal.domain.intake.IntakeNeeds;
import jp.kyodo.proposal.domain.intake.IntakeOutcome;
import jp.kyodo.proposal.domain.intake.IntakeStatus;
import jp.kyodo.proposal.domain.intake.Visitor;
import jp.kyodo.proposal.service.IntakeService;

@Path("/api/proposals/intakes")
@Tag(name = "Consultation desk", description = "The consultation desk (総合相談窓口): consultations before any "
        + "proposal, referrals, follow-ups and outcomes. City staff and coordinators only; reads of personal data logged")
public class IntakeResource {

    static final String INTAKE = "{intakeId: " + CommitteeResource.UUID_PATH + "}";

    @Schema(name = "IntakeVisitor", description = "A person not (yet) organised; kept only with their consent")
    public record VisitorInput(@Schema(description = "Name (氏名)", maxLength = 200) @NotBlank @Size(max = 200) String name,
            @Schema(description = "Reading (フリガナ)", maxLength = 200) @Size(max = 200) String nameKana,
            @Schema(description = "E-mail", maxLength = 254) @Email @Size(max = 254) String email,
            @Schema(description = "Telephone", maxLength = 30, pattern = "^[0-9+()\\- ]{0,30}$") @Pattern(regexp = "^[0-9+()\\- ]{0,30}$") String phone,
            @Schema(description = "Postal address", maxLength = 500) @Size(max = 500) String postalAddress) {
        Visitor toVisitor() {
            return new Visitor(name.strip(), blank(nameKana), blank(email), blank(phone), blank(postalAddress));
        }
    }

    @Schema(name = "IntakeNeedsInput", description = "What the visitor looks for (for 人材紹介)")
    public record NeedsInput(@Schema(description = "Skills sought") @Size(max = 20) List<@NotBlank @Size(max = 100) String> skills,
            @Schema(description = "Area (地域), e.g. a ward", maxLength = 100) @Size(max = 100) String area) {
    }

    @Schema(name = "IntakeRequest", description = "A consultation received at the desk (相談受付)")
    public record IntakeRequest(
            @Schema(description = "The department or support centre the caller works the desk for") @NotNull UUID actingFor,
            @Schema(description = "Day of the consultation; default today (Asia/Tokyo), never in the future", format = "date") LocalDate receivedOn,
            @Schema(description = "How it reached the desk") @NotNull IntakeChannel channel,
            @Schema(description = "The organisation that came, if it is in the directory") UUID visitorOrganizationId,
            @Schema(description = "A person not organised; only with consentToKeepContact") @Valid VisitorInput visitor,
            @Schema(description = "The person consented to keep their name and contact for the retention period") boolean consentToKeepContact,
            @Schema(description = "What it is about (相談内容)", maxLength = 8000) @NotBlank @Size(max = 8000) String topic,
            @Schema(description = "Field of activity") FieldOfActivity field,
            @Schema(description = "Skills and area sought") @Valid NeedsInput needs,
            @Schema(description = "The department it is referred to (引継ぎ先)") UUID referredDepartmentId,
            @Schema(description = "Subject of the coordinator assigned (担当コーディネーター)", maxLength = 100) @Size(max = 100) String assignedCoordinator) {
    }

    @Schema(name = "Intake", description = "A consultation record of the desk")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntakeView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "Day of the consultation", required = true) LocalDate receivedOn,
            @Schema(description = "Fiscal year (年度)", required = true) int fiscalYear,
            @Schema(description = "How it reached the desk", required = true) IntakeChannel channel,
            @Schema(description = "ORGANIZATION, PERSON or UNNAMED", required = true) Intake.VisitorKind visitorKind,
            @Schema(description = "The organisation that came", nullable = true) UUID visitorOrganizationId,
            @Schema(description = "The person (read views only; absent from lists and once erased)", nullable = true) Visitor visitor,
            @Schema(description = "Until when the person's contact is kept", nullable = true) Instant contactExpiresAt,
            @Schema(description = "When the person's contact was erased", nullable = true) Instant contactErasedAt,
            @Schema(description = "What it is about", required = true) String topic,
            @Schema(description = "Field of activity", nullable = true) FieldOfActivity field,
            @Schema(description = "Skills and area sought", required = true) IntakeNeeds needs,
            @Schema(description = "The department it was referred to", nullable = true) UUID referredDepartmentId,
            @Schema(description = "Subject of the coordinator assigned", nullable = true) String assignedCoordinator,
            @Schema(description = "OPEN or CLOSED", required = true) IntakeStatus status,
            @Schema(description = "What came of it, once closed", nullable = true) IntakeOutcome outcome,
            @Schema(description = "Note on the outcome", nullable = true) String outcomeNote,
            @Schema(description = "The proposal it led to", nullable = true) UUID proposalId,
            @Schema(description = "When it was closed", nullable = true) Instant closedAt,
            @Schema(description = "The organisation the desk worked for", required = true) UUID actingFor,
            @Schema(description = "Version (the ETag)", required = true) long version) {
        static IntakeView of(Intake i, boolean withPerson) {
            return new IntakeView(i.id, i.receivedOn, i.fiscalYear(), i.channel, i.visitorKind(),
                    i.visitorOrganizationId, withPerson ? i.visitor : null, i.contactExpiresAt, i.contactErasedAt,
                    i.topic, i.field, i.needs, i.referredDepartmentId, i.assignedCoordinator, i.status, i.outcome,
                    i.outcomeNote, i.proposalId, i.closedAt, i.actingFor, i.version);
        }
    }

    @Schema(name = "IntakeFollowUpRequest", description = "A follow-up (経過), with a referral, an assignment or renewed consent")
    public record FollowUpRequest(@Schema(description = "The department or support centre the caller works for") @NotNull UUID actingFor,
            @Schema(description = "What was done or said", maxLength = 8000) @NotBlank @Size(max = 8000) String note,
            @Schema(description = "Refers the consultation to this department") UUID referredDepartmentId,
            @Schema(description = "Assigns this coordinator (subject)", maxLength = 100) @Size(max = 100) String assignedCoordinator,
            @Schema(description = "The person renewed their consent to keep their contact") boolean consentRenewed) {
    }

    @Schema(name = "IntakeFollowUp", description = "A follow-up of a consultation")
    public record FollowUpView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "What was done or said", required = true) String note,
            @Schema(description = "Whether the person renewed consent", required = true) boolean consentRenewed,
            @Schema(description = "Subject of who recorded it", required = true) String recordedBy,
            @Schema(description = "For which organisation", required = true) UUID actingFor,
            @Schema(description = "When", required = true) Instant recordedAt) {
        static FollowUpView of(IntakeFollowUp f) {
            return new FollowUpView(f.id, f.note, f.consentRenewed, f.recordedBy, f.actingFor, f.recordedAt);
        }
    }

    @Schema(name = "IntakeClosureRequest", description = "Closing a consultation with what came of it")
    public record ClosureRequest(@Schema(description = "The department or support centre the caller works for") @NotNull UUID actingFor,
            @Schema(description = "What came of it (対応結果)") @NotNull IntakeOutcome outcome,
            @Schema(description = "Note", maxLength = 4000) @Size(max = 4000) String note,
            @Schema(description = "The proposal it led to, for PROPOSAL_DRAFTED") UUID proposalId) {
    }

    @Inject
    IntakeService intakes;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "recordIntake", summary = "Record a consultation at the desk (相談受付)",
            description = "City staff for their department, or a coordinator for their support centre. A person's name "
                    + "and contact only with their consent; they are erased after the retention period.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The record; ETag: its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeView.class)))
    public Response record(@Valid @NotNull IntakeRequest body) {
        Intake i = intakes.record(new IntakeService.Reception(body.actingFor(), body.receivedOn(), body.channel(),
                body.visitorOrganizationId(), body.visitor() == null ? null : body.visitor().toVisitor(),
                body.consentToKeepContact(), body.topic(), body.field(),
                body.needs() == null ? null : new IntakeNeeds(body.needs().skills() == null ? List.of()
                        : body.needs().skills().stream().map(String::strip).toList(), blank(body.needs().area())),
                body.referredDepartmentId(), blank(body.assignedCoordinator())));
        return Response.created(URI.create("/api/proposals/intakes/" + i.id)).tag(ETags.of(i.version))
                .entity(IntakeView.of(i, true)).build();
    }

    @GET
    @Operation(operationId = "listIntakes", summary = "The desk's consultations, newest first, without personal data",
            description = "City staff and coordinators.")
    public Page<IntakeView> list(@Parameter(description = "OPEN or CLOSED") @QueryParam("status") IntakeStatus status,
            @Parameter(description = "Only those that led to this proposal") @QueryParam("proposalId") UUID proposalId,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(intakes.list(status, proposalId, Cursor.decode(page.cursor(), 2), page.fetchSize()),
                page.limit(), i -> Cursor.after(i.receivedOn.toString(), i.id.toString()), i -> IntakeView.of(i, false));
    }

    @GET
    @Path(INTAKE)
    @Operation(operationId = "getIntake", summary = "Read a consultation with the person's contact (the read is logged)",
            description = "City staff and coordinators.")
    @APIResponse(responseCode = "200", description = "The record; ETag: its version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeView.class)))
    public Response read(@PathParam("intakeId") UUID intakeId) {
        Intake i = intakes.read(intakeId);
        return Response.ok(IntakeView.of(i, true)).tag(ETags.of(i.version)).build();
    }

    @GET
    @Path(INTAKE + "/follow-ups")
    @Operation(operationId = "listIntakeFollowUps", summary = "The follow-ups of a consultation, oldest first",
            description = "City staff and coordinators.")
    public List<FollowUpView> followUps(@PathParam("intakeId") UUID intakeId) {
        return intakes.followUps(intakeId).stream().map(FollowUpView::of).toList();
    }

    @POST
    @Path(INTAKE + "/follow-ups")
    @Transactional
    @Idempotent
    @Operation(operationId = "recordIntakeFollowUp", summary = "Record a follow-up (経過記録)",
            description = "City staff for their department, or a coordinator for their support centre; may refer the "
                    + "consultation, assign a coordinator or record the person's renewed consent.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The follow-up",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FollowUpView.class)))
    public Response followUp(@PathParam("intakeId") UUID intakeId, @Valid @NotNull FollowUpRequest body) {
        IntakeFollowUp f = intakes.followUp(intakeId, body.actingFor(), body.note(), body.referredDepartmentId(),
                blank(body.assignedCoordinator()), body.consentRenewed());
        return Response.created(URI.create("/api/proposals/intakes/" + intakeId + "/follow-ups/" + f.id))
                .entity(FollowUpView.of(f)).build();
    }

    @POST
    @Path(INTAKE + "/closure")
    @Transactional
    @Operation(operationId = "closeIntake", summary = "Close a consultation with what came of it (対応結果)",
            description = "City staff for their department, or a coordinator for their support centre; If-Match: the "
                    + "record's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The closed record; ETag: its new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntakeView.class)))
    public Response close(@PathParam("intakeId") UUID intakeId, @Valid @NotNull ClosureRequest body,
            @Context HttpHeaders headers) {
        Intake i = intakes.close(intakeId, IfMatch.from(headers), body.actingFor(), body.outcome(), body.note(), body.proposalId());
        return Response.ok(IntakeView.of(i, false)).tag(ETags.of(i.version)).build();
    }

    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
