package jp.kyodo.directory.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.domain.PurposeOfUse;
import jp.kyodo.directory.domain.TalentAccess;
import jp.kyodo.directory.domain.TalentEntry;
import jp.kyodo.directory.service.TalentBankService;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;

@Path("/api/directory/talent-bank")
@Tag(name = "Talent bank", description = "人材バンク: people's skills and consent; personal data, never public, every read logged")
public class TalentBankResource {

    private static final String ENTRIES = "/api/directory/talent-bank/entries/";

    @Inject
    TalentBankService talentBank;

    @GET
    @Path("purpose-of-use")
    @Operation(summary = "The stated purpose of use (利用目的)", description = "What a person consents to; public.")
    public PurposeOfUse purposeOfUse() {
        return PurposeOfUse.CURRENT;
    }

    @POST
    @Path("entries")
    @Transactional
    @Idempotent
    @Operation(summary = "Register yourself in the talent bank (人材バンクへの登録)", description = "Any signed-in person, "
            + "once; needs consent to the current purpose of use. Accepts Idempotency-Key.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "Registered; Location names the entry, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TalentEntryView.class)))
    public Response register(@Valid @NotNull TalentEntryInput body) {
        TalentEntry entry = talentBank.register(body);
        return Response.created(URI.create(ENTRIES + entry.id)).tag(ETags.of(entry.version))
                .entity(TalentEntryView.of(entry)).build();
    }

    @GET
    @Path("entries")
    @Transactional
    @Operation(summary = "Search the talent bank (人材検索)", description = "City staff and coordinators; by skill, field and "
            + "name (variant kanji, kana and width folded). Every entry returned is logged as read.")
    public Page<TalentEntryView> search(
            @Parameter(description = "Text in a skill") @QueryParam("skill") @Size(max = 100) String skill,
            @Parameter(description = "Field of activity") @QueryParam("field") FieldOfActivity field,
            @Parameter(description = "Text in the name or its reading") @QueryParam("name") @Size(max = 100) String name,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1–100") @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<TalentEntry> rows = talentBank.search(skill, field, name, page);
        return Page.of(rows, page.limit(), TalentBankService::cursorOf, TalentEntryView::of);
    }

    @GET
    @Path("entries/me")
    @Transactional
    @Operation(summary = "Your own entry (自分の登録内容)")
    @APIResponse(responseCode = "200", description = "The caller's entry (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TalentEntryView.class)))
    public Response mine() {
        TalentEntry entry = talentBank.mine();
        return Response.ok(TalentEntryView.of(entry)).tag(ETags.of(entry.version)).build();
    }

    @GET
    @Path("entries/{entryId}")
    @Transactional
    @Operation(summary = "Read an entry (登録内容の閲覧)", description = "The person, city staff and coordinators; logged.")
    @APIResponse(responseCode = "200", description = "The entry (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TalentEntryView.class)))
    public Response read(@PathParam("entryId") UUID entryId) {
        TalentEntry entry = talentBank.read(entryId);
        return Response.ok(TalentEntryView.of(entry)).tag(ETags.of(entry.version)).build();
    }

    @PUT
    @Path("entries/{entryId}")
    @Transactional
    @Operation(summary = "Change your entry (登録内容の変更)", description = "The person only; needs If-Match; renews consent.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The changed entry (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TalentEntryView.class)))
    public Response update(@PathParam("entryId") UUID entryId, @Valid @NotNull TalentEntryInput body,
            @Context HttpHeaders headers) {
        TalentEntry entry = talentBank.update(entryId, IfMatch.from(headers), body);
        return Response.ok(TalentEntryView.of(entry)).tag(ETags.of(entry.version)).build();
    }

    @POST
    @Path("entries/{entryId}/consent-renewal")
    @Transactional
    @Operation(summary = "Renew your consent (同意の更新)", description = "The person only; needs If-Match; the retention "
            + "period starts again.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The entry with consent renewed (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TalentEntryView.class)))
    public Response renewConsent(@PathParam("entryId") UUID entryId, @Context HttpHeaders headers) {
        TalentEntry entry = talentBank.renewConsent(entryId, IfMatch.from(headers));
        return Response.ok(TalentEntryView.of(entry)).tag(ETags.of(entry.version)).build();
    }

    @DELETE
    @Path("entries/{entryId}")
    @Operation(summary = "Withdraw consent and delete your entry (同意の撤回・削除)", description = "The person (or an admin "
            + "on their request); the entry is really deleted.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response withdraw(@PathParam("entryId") UUID entryId, @Context HttpHeaders headers) {
        talentBank.withdraw(entryId, IfMatch.from(headers));
        return Response.noContent().build();
    }

    @GET
    @Path("access-log")
    @Operation(summary = "Who read which entry when (閲覧記録)", description = "Admins only; oldest first.")
    public Page<TalentAccessView> accessLog(@Parameter(description = "Only reads of this entry") @QueryParam("entryId") UUID entryId,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1–100") @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<TalentAccess> rows = talentBank.accessLog(entryId, page);
        return Page.of(rows, page.limit(), TalentBankService::cursorOf, TalentAccessView::of);
    }
}
