package jp.kyodo.proposal.api;

import java.net.URI;
import java.time.Instant;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.audit.AuditEntry;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.proposal.domain.Theme;
import jp.kyodo.proposal.service.ProposalAccess;
import jp.kyodo.proposal.service.ScreeningService;
import jp.kyodo.proposal.service.ThemeService;

@Path("/api/proposals/themes")
@Tag(name = "Themes", description = "Collaboration themes (協働テーマ): the city's calls for proposals")
public class ThemeResource {

    @Inject
    ThemeService themes;

    @Inject
    ProposalAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ScreeningService screenings;

    @POST
    @Transactional
    @Idempotent
    @Operation(summary = "Publish a collaboration theme (協働テーマの公開) for a department")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "Published; Location names it, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ThemeView.class)))
    public Response publish(@Valid @NotNull ThemeRequest body) {
        Theme theme = themes.publish(body.toNewTheme());
        return Response.created(URI.create("/api/proposals/themes/" + theme.id)).tag(ETags.of(theme.version))
                .entity(ThemeView.of(theme)).build();
    }

    @GET
    @Operation(summary = "List themes (readable without login); open=true lists those accepting proposals now")
    public Page<ThemeView> list(@QueryParam("open") Boolean open, @QueryParam("fiscalYear") FiscalYear fiscalYear,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        StringBuilder query = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters parameters = new io.quarkus.panache.common.Parameters();
        if (Boolean.TRUE.equals(open)) {
            query.append(" and window.opensAt <= :now and window.closesAt > :now");
            parameters.and("now", Instant.now());
        }
        if (fiscalYear != null) {
            query.append(" and fiscalYear = :fiscalYear");
            parameters.and("fiscalYear", fiscalYear.year());
        }
        if (after != null) {
            query.append(" and (window.closesAt > :afterCloses or (window.closesAt = :afterCloses and id > :afterId))");
            parameters.and("afterCloses", Instant.parse(after.value(0))).and("afterId", UUID.fromString(after.value(1)));
        }
        List<Theme> rows = Theme.find(query + " order by window.closesAt, id", parameters).page(0, page.fetchSize())
                .list();
        return Page.of(rows, page.limit(), t -> Cursor.after(t.window.closesAt.toString(), t.id.toString()),
                ThemeView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a theme (readable without login)")
    @APIResponse(responseCode = "200", description = "The theme (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ThemeView.class)))
    public Response read(@PathParam("id") UUID id) {
        Theme theme = Theme.require(id);
        return Response.ok(ThemeView.of(theme)).tag(ETags.of(theme.version)).build();
    }

    @GET
    @Path("{id}/audit-trail")
    @Operation(summary = "Audit trail (監査証跡) of a theme, for staff and administrators")
    public List<AuditEntry> auditTrail(@PathParam("id") UUID id) {
        access.requireStaffOrAdmin();
        Theme.require(id);
        return audit.trailOf(id);
    }

    @GET
    @Path("{themeId}/ranking")
    @Operation(summary = "Ranking of a theme's round by weighted mean (staff, coordinators, administrators)")
    public List<ScreeningResource.RankedView> ranking(@PathParam("themeId") UUID themeId, @QueryParam("round") Integer round) {
        return screenings.ranking(themeId, round == null ? 1 : round).stream()
                .map(r -> new ScreeningResource.RankedView(r.rank(), r.proposal().id, r.proposal().referenceNumber,
                        r.proposal().content.title(), r.proposal().status, r.result()))
                .toList();
    }

    @GET
    @Path("{themeId}/outcomes")
    @Operation(summary = "Counts of a theme's proposals by state, readable without login")
    public ScreeningResource.OutcomesView outcomes(@PathParam("themeId") UUID themeId) {
        return new ScreeningResource.OutcomesView(themeId, screenings.outcomeCounts(themeId));
    }
}
