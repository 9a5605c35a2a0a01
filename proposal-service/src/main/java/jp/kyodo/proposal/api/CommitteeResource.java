package jp.kyodo.proposal.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.proposal.domain.committee.AgendaItem;
import jp.kyodo.proposal.domain.committee.Committee;
import jp.kyodo.proposal.domain.committee.CommitteeKind;
import jp.kyodo.proposal.domain.committee.CommitteeMeeting;
import jp.kyodo.proposal.domain.committee.CommitteeMember;
import jp.kyodo.proposal.domain.committee.ConflictDeclaration;
import jp.kyodo.proposal.domain.committee.MeetingStatus;
import jp.kyodo.proposal.service.CommitteeService;

@Path("/api/proposals/committees")
@Tag(name = "Committees", description = "Committees (審査委員会・協働推進会議): members and terms, meetings, attendance, "
        + "minutes and conflict-of-interest declarations")
public class CommitteeResource {

    static final String UUID_PATH = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String COMMITTEE = "{committeeId: " + UUID_PATH + "}";
    static final String MEETING = COMMITTEE + "/meetings/{meetingId: " + UUID_PATH + "}";

    @Schema(name = "CommitteeMemberInput", description = "A member appointed for a term of office (任期)")
    public record MemberInput(
            @Schema(description = "The member's login subject", maxLength = 100) @NotBlank @Size(max = 100) String subject,
            @Schema(description = "CHAIR (委員長), VICE_CHAIR (副委員長) or MEMBER (委員)") @NotNull CommitteeMember.Role role,
            @Schema(description = "CITY_STAFF, EXPERT (学識経験者), CITIZEN (市民委員) or ORGANIZATION_NOMINEE (団体推薦)") @NotNull CommitteeMember.Category category,
            @Schema(description = "Name for the roster (委員名簿); never published or sent in events", maxLength = 200) @Size(max = 200) String displayName,
            @Schema(description = "First day of the term", format = "date") @NotNull LocalDate termStart,
            @Schema(description = "Last day of the term", format = "date") @NotNull LocalDate termEnd) {
        CommitteeMember toMember() {
            return new CommitteeMember(subject.strip(), role, category,
                    displayName == null || displayName.isBlank() ? null : displayName.strip(), termStart, termEnd);
        }
    }

    @Schema(name = "CommitteeRequest", description = "Establishing a committee (委員会の設置)")
    public record CommitteeRequest(
            @Schema(description = "The department that runs it (事務局), which the caller acts for") @NotNull UUID actingFor,
            @Schema(description = "Name (名称)", maxLength = 200) @NotBlank @Size(max = 200) String name,
            @Schema(description = "SCREENING (審査委員会) or COUNCIL (協働推進会議・懇話会)") @NotNull CommitteeKind kind,
            @Schema(description = "Members needed to decide (定足数); absent: a majority of the members in office", minimum = "1", maximum = "50") @Min(1) @Max(50) Integer quorum,
            @Schema(description = "Members") @NotEmpty @Size(max = 50) List<@NotNull @Valid MemberInput> members) {
    }

    @Schema(name = "CommitteeMembersRequest", description = "The committee's members and quorum, replaced as a whole")
    public record MembersRequest(
            @Schema(description = "The department that runs the committee") @NotNull UUID actingFor,
            @Schema(description = "Members needed to decide (定足数); absent: a majority of the members in office", minimum = "1", maximum = "50") @Min(1) @Max(50) Integer quorum,
            @Schema(description = "Members") @NotEmpty @Size(max = 50) List<@NotNull @Valid MemberInput> members) {
    }

    @Schema(name = "Committee", description = "A committee with its members")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommitteeView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "The department that runs it", required = true) UUID departmentId,
            @Schema(description = "Name", required = true) String name,
            @Schema(description = "Kind", required = true) CommitteeKind kind,
            @Schema(description = "The committee's own quorum; absent: a majority of the members in office", nullable = true) Integer quorum,
            @Schema(description = "The quorum that applies today", required = true) int quorumToday,
            @Schema(description = "Members with their terms", required = true) List<CommitteeMember> members,
            @Schema(description = "When it was established", required = true) Instant createdAt,
            @Schema(description = "Version (the ETag)", required = true) long version) {
        static CommitteeView of(Committee c) {
            int inOffice = c.membersInOffice(LocalDate.now(jp.kyodo.kernel.FiscalYear.CITY_ZONE)).size();
            return new CommitteeView(c.id, c.departmentId, c.name, c.kind, c.quorum,
                    c.quorum != null ? c.quorum : inOffice / 2 + 1, c.members, c.createdAt, c.version);
        }
    }

    @Schema(name = "AgendaItemInput", description = "An item of the agenda (議題)")
    public record AgendaItemInput(@Schema(description = "Title", maxLength = 500) @NotBlank @Size(max = 500) String title,
            @Schema(description = "Proposals deliberated on under this item") @Size(max = 100) List<@NotNull UUID> proposalIds) {
    }

    @Schema(name = "MeetingRequest", description = "Calling a meeting (会議の招集)")
    public record MeetingRequest(@Schema(description = "The department that runs the committee") @NotNull UUID actingFor,
            @Schema(description = "Title, e.g. 第3回審査委員会", maxLength = 200) @NotBlank @Size(max = 200) String title,
            @Schema(description = "When it is held", format = "date-time") @NotNull Instant scheduledAt,
            @Schema(description = "Where", maxLength = 500) @Size(max = 500) String place,
            @Schema(description = "The agenda") @NotEmpty @Size(max = 50) List<@NotNull @Valid AgendaItemInput> agenda) {
    }

    @Schema(name = "AttendanceRequest", description = "Who attended (出席委員)")
    public record AttendanceRequest(@Schema(description = "The department that runs the committee") @NotNull UUID actingFor,
            @Schema(description = "Subjects of the members present") @NotNull @Size(max = 50) List<@NotBlank @Size(max = 100) String> present) {
    }

    @Schema(name = "MinutesRequest", description = "The minutes (議事録) of a meeting")
    public record MinutesRequest(@Schema(description = "The department that runs the committee") @NotNull UUID actingFor,
            @Schema(description = "The minutes", maxLength = 100000) @NotBlank @Size(max = 100000) String minutes) {
    }

    @Schema(name = "CommitteeMeeting", description = "A meeting of a committee")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeetingView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "The committee", required = true) UUID committeeId,
            @Schema(description = "Title", required = true) String title,
            @Schema(description = "When it is held", required = true) Instant scheduledAt,
            @Schema(description = "Where", nullable = true) String place,
            @Schema(description = "The agenda", required = true) List<AgendaItem> agenda,
            @Schema(description = "SCHEDULED, or HELD once attendance is recorded", required = true) MeetingStatus status,
            @Schema(description = "Subjects of the members present; absent until held", nullable = true) List<String> attendance,
            @Schema(description = "The minutes; absent until recorded", nullable = true) String minutes,
            @Schema(description = "When the minutes were recorded", nullable = true) Instant minutesRecordedAt,
            @Schema(description = "Version (the ETag)", required = true) long version) {
        static MeetingView of(CommitteeMeeting m) {
            return new MeetingView(m.id, m.committeeId, m.title, m.scheduledAt, m.place, m.agenda, m.status,
                    m.attendance, m.minutes, m.minutesRecordedAt, m.version);
        }
    }

    @Schema(name = "ConflictDeclarationRequest", description = "A declaration of a conflict of interest (利害関係の申告)")
    public record DeclarationRequest(
            @Schema(description = "The proposal the member takes no part in") @NotNull UUID proposalId,
            @Schema(description = "The meeting it is declared for; absent: the whole screening") UUID meetingId,
            @Schema(description = "The member, when the secretariat records it for them; absent: the caller", maxLength = 100) @Size(max = 100) String member,
            @Schema(description = "The department running the committee, when the secretariat records it") UUID actingFor,
            @Schema(description = "The reason (e.g. 提案団体の役員を務めている)", maxLength = 2000) @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ConflictDeclaration", description = "A member's declared conflict of interest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeclarationView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "The committee", required = true) UUID committeeId,
            @Schema(description = "The member (subject)", required = true) String member,
            @Schema(description = "The proposal", required = true) UUID proposalId,
            @Schema(description = "The meeting, if declared for one", nullable = true) UUID meetingId,
            @Schema(description = "The reason", required = true) String reason,
            @Schema(description = "Who recorded it (subject)", required = true) String declaredBy,
            @Schema(description = "When", required = true) Instant declaredAt) {
        static DeclarationView of(ConflictDeclaration d) {
            return new DeclarationView(d.id, d.committeeId, d.member, d.proposalId, d.meetingId, d.reason,
                    d.declaredBy, d.declaredAt);
        }
    }

    @Inject
    CommitteeService committees;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "establishCommittee", summary = "Establish a committee (委員会の設置)",
            description = "City staff of the department that will run it (事務局) appoint its members with their terms.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The committee; ETag: its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommitteeView.class)))
    public Response establish(@Valid @NotNull CommitteeRequest body) {
        Committee c = committees.establish(body.actingFor(), body.name(), body.kind(), body.quorum(),
                body.members().stream().map(MemberInput::toMember).toList());
        return Response.created(URI.create("/api/proposals/committees/" + c.id)).tag(ETags.of(c.version))
                .entity(CommitteeView.of(c)).build();
    }

    @GET
    @Operation(operationId = "listCommittees", summary = "List committees",
            description = "Staff, coordinators and administrators see every committee; a member those they sit on.")
    public Page<CommitteeView> list(@QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(committees.list(Cursor.decode(page.cursor(), 2), page.fetchSize()), page.limit(),
                c -> Cursor.after(c.createdAt.toString(), c.id.toString()), CommitteeView::of);
    }

    @GET
    @Path(COMMITTEE)
    @Operation(operationId = "getCommittee", summary = "Read a committee with its members",
            description = "Its members, city staff, coordinators and administrators.")
    @APIResponse(responseCode = "200", description = "The committee; ETag: its version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommitteeView.class)))
    public Response read(@PathParam("committeeId") UUID committeeId) {
        Committee c = committees.read(committeeId);
        return Response.ok(CommitteeView.of(c)).tag(ETags.of(c.version)).build();
    }

    @PUT
    @Path(COMMITTEE + "/members")
    @Transactional
    @Operation(operationId = "appointCommitteeMembers", summary = "Replace the members and the quorum (委員の委嘱)",
            description = "City staff of the department that runs the committee; If-Match: the committee's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The committee; ETag: its new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommitteeView.class)))
    public Response appoint(@PathParam("committeeId") UUID committeeId, @Valid @NotNull MembersRequest body,
            @Context HttpHeaders headers) {
        Committee c = committees.appoint(committeeId, IfMatch.from(headers), body.actingFor(), body.quorum(),
                body.members().stream().map(MemberInput::toMember).toList());
        return Response.ok(CommitteeView.of(c)).tag(ETags.of(c.version)).build();
    }

    @POST
    @Path(COMMITTEE + "/meetings")
    @Transactional
    @Idempotent
    @Operation(operationId = "scheduleCommitteeMeeting", summary = "Call a meeting with its agenda (会議の招集)",
            description = "City staff of the department that runs the committee.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The meeting; ETag: its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    public Response schedule(@PathParam("committeeId") UUID committeeId, @Valid @NotNull MeetingRequest body) {
        CommitteeMeeting m = committees.schedule(committeeId, body.actingFor(), body.title(), body.scheduledAt(),
                body.place(), body.agenda().stream().map(i -> new AgendaItem(i.title().strip(), i.proposalIds())).toList());
        return Response.created(URI.create("/api/proposals/committees/" + committeeId + "/meetings/" + m.id))
                .tag(ETags.of(m.version)).entity(MeetingView.of(m)).build();
    }

    @GET
    @Path(COMMITTEE + "/meetings")
    @Operation(operationId = "listCommitteeMeetings", summary = "List a committee's meetings, earliest first",
            description = "As reading the committee.")
    public Page<MeetingView> meetings(@PathParam("committeeId") UUID committeeId, @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(committees.meetings(committeeId, Cursor.decode(page.cursor(), 2), page.fetchSize()),
                page.limit(), m -> Cursor.after(m.scheduledAt.toString(), m.id.toString()), MeetingView::of);
    }

    @GET
    @Path(MEETING)
    @Operation(operationId = "getCommitteeMeeting", summary = "Read a meeting: agenda, attendance and minutes",
            description = "As reading the committee.")
    @APIResponse(responseCode = "200", description = "The meeting; ETag: its version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    public Response meeting(@PathParam("committeeId") UUID committeeId, @PathParam("meetingId") UUID meetingId) {
        CommitteeMeeting m = committees.meeting(committeeId, meetingId);
        return Response.ok(MeetingView.of(m)).tag(ETags.of(m.version)).build();
    }

    @PUT
    @Path(MEETING + "/attendance")
    @Transactional
    @Operation(operationId = "recordMeetingAttendance", summary = "Record who attended: the meeting is held (開催)",
            description = "City staff of the department that runs the committee; members in office on the day only. "
                    + "If-Match: the meeting's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The meeting; ETag: its new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    public Response attendance(@PathParam("committeeId") UUID committeeId, @PathParam("meetingId") UUID meetingId,
            @Valid @NotNull AttendanceRequest body, @Context HttpHeaders headers) {
        CommitteeMeeting m = committees.recordAttendance(committeeId, meetingId, IfMatch.from(headers), body.actingFor(),
                body.present().stream().map(String::strip).toList());
        return Response.ok(MeetingView.of(m)).tag(ETags.of(m.version)).build();
    }

    @PUT
    @Path(MEETING + "/minutes")
    @Transactional
    @Operation(operationId = "recordMeetingMinutes", summary = "Record the minutes (議事録) of a held meeting",
            description = "City staff of the department that runs the committee; If-Match: the meeting's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The meeting; ETag: its new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    public Response minutes(@PathParam("committeeId") UUID committeeId, @PathParam("meetingId") UUID meetingId,
            @Valid @NotNull MinutesRequest body, @Context HttpHeaders headers) {
        CommitteeMeeting m = committees.recordMinutes(committeeId, meetingId, IfMatch.from(headers), body.actingFor(), body.minutes());
        return Response.ok(MeetingView.of(m)).tag(ETags.of(m.version)).build();
    }

    @POST
    @Path(COMMITTEE + "/conflict-declarations")
    @Transactional
    @Idempotent
    @Operation(operationId = "declareConflictOfInterest", summary = "Declare a conflict of interest on a proposal (利害関係の申告)",
            description = "A member for themself, or the secretariat for a member. The member is then excluded from the "
                    + "proposal's scores and is not counted towards the quorum when it is decided.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The declaration",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeclarationView.class)))
    public Response declare(@PathParam("committeeId") UUID committeeId, @Valid @NotNull DeclarationRequest body) {
        ConflictDeclaration d = committees.declareConflict(committeeId, body.actingFor(),
                body.member() == null || body.member().isBlank() ? null : body.member().strip(), body.proposalId(),
                body.meetingId(), body.reason().strip());
        return Response.created(URI.create("/api/proposals/committees/" + committeeId + "/conflict-declarations/" + d.id))
                .entity(DeclarationView.of(d)).build();
    }

    @GET
    @Path(COMMITTEE + "/conflict-declarations")
    @Operation(operationId = "listConflictDeclarations", summary = "The committee's conflict-of-interest declarations",
            description = "As reading the committee.")
    public Page<DeclarationView> declarations(@PathParam("committeeId") UUID committeeId,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(committees.declarations(committeeId, Cursor.decode(page.cursor(), 2), page.fetchSize()),
                page.limit(), d -> Cursor.after(d.declaredAt.toString(), d.id.toString()), DeclarationView::of);
    }
}
