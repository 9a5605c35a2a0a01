package jp.kyodo.directory.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import jp.kyodo.directory.domain.Introduction;
import jp.kyodo.directory.domain.IntroductionState;
import jp.kyodo.directory.domain.TalentEntry;
import jp.kyodo.directory.service.IntroductionService;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;

@Path("/api/directory")
@Tag(name = "Introductions", description = "人材紹介: matching talents and organisations to a consultation's or a "
        + "proposal's needs, and introductions the talent accepts or declines")
public class IntroductionResource {

    static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Schema(name = "TalentMatch", description = "A talent who fits: no contact (that comes with an accepted introduction)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TalentMatch(@Schema(description = "The talent-bank entry", required = true) UUID talentEntryId,
            @Schema(description = "Name", required = true) String displayName,
            @Schema(description = "Skills", required = true) List<String> skills,
            @Schema(description = "Fields", required = true) List<FieldOfActivity> fields,
            @Schema(description = "Area", nullable = true) String area,
            @Schema(description = "Availability", required = true) String availability) {
        static TalentMatch of(TalentEntry e) {
            return new TalentMatch(e.id, e.displayName, e.skills.stream().map(s -> s.skill).toList(),
                    e.fields.stream().sorted().toList(), e.area, e.availability);
        }
    }

    @Schema(name = "TalentMatches", description = "Talents and verified organisations that fit the needs")
    public record MatchesView(@Schema(description = "Talents (each shown is logged as read)", required = true) List<TalentMatch> talents,
            @Schema(description = "Verified organisations (public fields)", required = true) List<PublicOrganizationView> organizations) {
    }

    @Schema(name = "IntroductionRequest", description = "Asking a talent whether they will be introduced (人材紹介の依頼)")
    public record IntroductionRequest(@Schema(description = "The talent-bank entry") @NotNull UUID talentEntryId,
            @Schema(description = "The desk's consultation (proposal-service) the needs come from") UUID intakeId,
            @Schema(description = "The proposal the needs come from") UUID proposalId,
            @Schema(description = "The organisation the talent is introduced to, if it is in the directory") UUID recipientOrganizationId,
            @Schema(description = "Fields of the needs") @Size(max = 11) List<@NotNull FieldOfActivity> fields,
            @Schema(description = "What is asked of the talent, shown to them", maxLength = 4000) @NotBlank @Size(max = 4000) String message) {
    }

    @Schema(name = "IntroductionAnswer", description = "The talent's answer")
    public record AnswerRequest(@Schema(description = "true: accept, the contact is shared; false: decline") @NotNull Boolean accept,
            @Schema(description = "A note to the requester", maxLength = 2000) @Size(max = 2000) String note) {
    }

    @Schema(name = "TalentContact", description = "The talent's contact, shared once they accepted")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactShared(@Schema(description = "Name", required = true) String displayName,
            @Schema(description = "E-mail", nullable = true) String email,
            @Schema(description = "Telephone", nullable = true) String phone) {
    }

    @Schema(name = "Introduction", description = "An introduction (人材紹介) and its answer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntroductionView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "The consultation it is for", nullable = true) UUID intakeId,
            @Schema(description = "The proposal it is for", nullable = true) UUID proposalId,
            @Schema(description = "The organisation the talent is introduced to", nullable = true) UUID recipientOrganizationId,
            @Schema(description = "Fields of the needs", required = true) List<FieldOfActivity> fields,
            @Schema(description = "What is asked", required = true) String message,
            @Schema(description = "REQUESTED, ACCEPTED or DECLINED", required = true) IntroductionState state,
            @Schema(description = "The talent's note", nullable = true) String answerNote,
            @Schema(description = "When it was requested", required = true) OffsetDateTime requestedAt,
            @Schema(description = "When it was answered", nullable = true) OffsetDateTime answeredAt,
            @Schema(description = "The talent's contact: only once accepted (and to the talent)", nullable = true) ContactShared contact,
            @Schema(description = "Version (the ETag)", required = true) long version) {
        static IntroductionView of(Introduction i, TalentEntry talent) {
            List<FieldOfActivity> fields = i.fields.isEmpty() ? List.of()
                    : Arrays.stream(i.fields.split(",")).map(FieldOfActivity::valueOf).toList();
            return new IntroductionView(i.id, i.intakeId, i.proposalId, i.recipientOrganizationId, fields, i.message,
                    i.state, i.answerNote, i.requestedAt, i.answeredAt,
                    talent == null ? null : new ContactShared(talent.displayName, talent.email, talent.phone), i.version);
        }
    }

    @Inject
    IntroductionService introductions;

    @GET
    @Path("matches")
    @Transactional
    @Operation(operationId = "findMatches", summary = "Talents and organisations that fit a need (人材・団体の検索)",
            description = "City staff and coordinators. By field, skill and area; every talent shown is logged as read.")
    public MatchesView matches(@Parameter(description = "Field of activity") @QueryParam("field") FieldOfActivity field,
            @Parameter(description = "Skill sought", schema = @Schema(maxLength = 100)) @QueryParam("skill") String skill,
            @Parameter(description = "Area, e.g. a ward", schema = @Schema(maxLength = 100)) @QueryParam("area") String area,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        int size = PageRequest.of(null, limit).limit();
        IntroductionService.Matches m = introductions.match(field, trim(skill), trim(area), size);
        return new MatchesView(m.talents().stream().map(TalentMatch::of).toList(),
                m.organizations().stream().map(PublicOrganizationView::of).toList());
    }

    @POST
    @Path("introductions")
    @Transactional
    @Idempotent
    @Operation(operationId = "requestIntroduction", summary = "Ask a talent whether they will be introduced (人材紹介の依頼)",
            description = "City staff and coordinators, for a consultation at the desk or a proposal. The talent "
                    + "finds it among their introductions and answers; nothing of theirs is shared before.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The introduction; Location names it, ETag its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntroductionView.class)))
    public Response request(@Valid @NotNull IntroductionRequest body) {
        Introduction i = introductions.request(body.talentEntryId(), body.intakeId(), body.proposalId(),
                body.recipientOrganizationId(), body.fields(), body.message().strip());
        return Response.created(URI.create("/api/directory/introductions/" + i.id)).tag(ETags.of(i.version))
                .entity(IntroductionView.of(i, null)).build();
    }

    @GET
    @Path("introductions")
    @Operation(operationId = "listIntroductions", summary = "Introductions, newest first",
            description = "City staff and coordinators; filtered by consultation or proposal. No contact in the list.")
    public Page<IntroductionView> list(@Parameter(description = "The consultation") @QueryParam("intakeId") UUID intakeId,
            @Parameter(description = "The proposal") @QueryParam("proposalId") UUID proposalId,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(introductions.list(intakeId, proposalId, Cursor.decode(page.cursor(), 2), page.fetchSize()),
                page.limit(), i -> Cursor.after(i.requestedAt.toString(), i.id.toString()),
                i -> IntroductionView.of(i, null));
    }

    @GET
    @Path("introductions/" + ID)
    @Transactional
    @Operation(operationId = "getIntroduction", summary = "Read an introduction; with the talent's contact once accepted",
            description = "City staff and coordinators, the talent, and members of the recipient organisation once "
                    + "accepted (404 for anyone else). Reading the contact is logged like any read of the talent bank.")
    @APIResponse(responseCode = "200", description = "The introduction; ETag: its version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntroductionView.class)))
    public Response read(@PathParam("id") UUID id) {
        IntroductionService.Readable r = introductions.read(id);
        return Response.ok(IntroductionView.of(r.introduction(), r.talent())).tag(ETags.of(r.introduction().version))
                .build();
    }

    @GET
    @Path("me/introductions")
    @Operation(operationId = "listMyIntroductions", summary = "The introductions asked of me as a talent, newest first",
            description = "Anyone signed in: those addressed to their own talent-bank entry.")
    public Page<IntroductionView> mine(@QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(introductions.mine(Cursor.decode(page.cursor(), 2), page.fetchSize()), page.limit(),
                i -> Cursor.after(i.requestedAt.toString(), i.id.toString()), i -> IntroductionView.of(i, null));
    }

    @POST
    @Path("introductions/" + ID + "/answer")
    @Transactional
    @Operation(operationId = "answerIntroduction", summary = "Accept or decline an introduction (the talent only)",
            description = "Once, by the talent it is addressed to (404 for anyone else); accepting shares their contact "
                    + "with the requester and the recipient organisation. If-Match: the introduction's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The answered introduction; ETag: its new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IntroductionView.class)))
    public Response answer(@PathParam("id") UUID id, @Valid @NotNull AnswerRequest body,
            @Context HttpHeaders headers) {
        Introduction i = introductions.answer(id, IfMatch.from(headers), body.accept(),
                body.note() == null || body.note().isBlank() ? null : body.note().strip());
        return Response.ok(IntroductionView.of(i, null)).tag(ETags.of(i.version)).build();
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
