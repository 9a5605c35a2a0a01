package jp.kyodo.platform.sample;

import java.net.URI;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.outbox.Outbox;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.PublicRead;
import jp.kyodo.platform.web.PublicReads;

@Path("/api/widgets")
public class WidgetResource {

    public record WidgetRequest(@NotBlank @Size(max = 20) String name, @NotNull Widget.Colour colour) {
    }

    public record WidgetView(UUID id, String name, Widget.Colour colour, long version) {
        static WidgetView of(Widget w) {
            return new WidgetView(w.id, w.name, w.colour, w.version);
        }
    }

    public record WidgetCreated(UUID widgetId, String name, long version) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @POST
    @Transactional
    @Idempotent
    public Response create(@Valid @NotNull WidgetRequest body) {
        caller.requireAnyRole(Roles.CITY_STAFF);
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = body.name();
        widget.colour = body.colour();
        widget.persistAndFlush();
        outbox.publish(new DomainEvent("kyodo.widgets.v1", "jp.kyodo.widget.created.v1", widget.id, widget.version,
                new WidgetCreated(widget.id, widget.name, widget.version)));
        return Response.created(URI.create("/api/widgets/" + widget.id)).tag(ETags.of(widget.version))
                .entity(WidgetView.of(widget)).build();
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") UUID id) {
        Widget widget = find(id);
        Response.ResponseBuilder response = Response.ok(WidgetView.of(widget)).tag(ETags.of(widget.version));
        // Blue widgets are on public display; red ones are not.
        return (widget.colour == Widget.Colour.BLUE ? PublicReads.publicly(response) : response).build();
    }

    @GET
    @Path("public")
    @PublicRead
    public List<String> publicNames() {
        return Widget.<Widget>find("colour = ?1 order by name, id", Widget.Colour.BLUE).list().stream()
                .map(w -> w.name).toList();
    }

    @PUT
    @Path("{id}")
    @Transactional
    public Response update(@PathParam("id") UUID id, @Valid @NotNull WidgetRequest body, @Context HttpHeaders headers) {
        // The recipe every service follows: find, authorise, then the precondition.
        Widget widget = find(id);
        caller.requireAnyRole(Roles.CITY_STAFF);
        IfMatch.from(headers).requireCurrent(widget.version);
        widget.name = body.name();
        widget.colour = body.colour();
        widget.flush();
        return Response.ok(WidgetView.of(widget)).tag(ETags.of(widget.version)).build();
    }

    @GET
    public Page<WidgetView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        List<Widget> rows = after == null
                ? Widget.find("order by name, id").page(0, page.fetchSize()).list()
                : Widget.find("(name > ?1 or (name = ?1 and id > ?2)) order by name, id", after.value(0),
                        UUID.fromString(after.value(1))).page(0, page.fetchSize()).list();
        return Page.of(rows, page.limit(), w -> Cursor.after(w.name, w.id.toString()), WidgetView::of);
    }

    @GET
    @Path("count")
    public long count(@QueryParam("colour") Widget.Colour colour) {
        return colour == null ? Widget.count() : Widget.count("colour", colour);
    }

    private static Widget find(UUID id) {
        Widget widget = Widget.findById(id);
        if (widget == null) {
            throw ProblemException.notFound("No such widget.", "ウィジェットが見つかりません。");
        }
        return widget;
    }
}
