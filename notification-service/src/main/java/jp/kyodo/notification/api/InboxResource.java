package jp.kyodo.notification.api;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.notification.domain.Notification;
import jp.kyodo.notification.service.Inbox;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;

@Path("/api/notifications/me/inbox")
@Tag(name = "My tasks and notifications")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    Inbox inbox;

    @GET
    @Operation(operationId = "listMyNotifications", summary = "Read my notifications (お知らせ), unread first",
            description = "What the caller was told: tasks opened for them, reminders, overdue notices, escalations and "
                    + "decisions about their organisations. Unread first, newest first within each. The ETag is the "
                    + "inbox's version, to send as If-Match when marking everything read.")
    @APIResponse(responseCode = "200", description = "A page of notifications",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG))
    public Response list(@Parameter(description = "true: only unread; false: only read") @QueryParam("unread") Boolean unread,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Page<Views.InboxItem> items = Page.of(inbox.list(unread, Cursor.decode(page.cursor(), 3), page.fetchSize()),
                page.limit(), Inbox::cursorOf, Views.InboxItem::of);
        return Response.ok(items).tag(ETags.of(inbox.version())).build();
    }

    @GET
    @Path("{notificationId}")
    @Operation(operationId = "getMyNotification", summary = "Read one of my notifications",
            description = "404 for an id that is not one of the caller's notifications, whether or not it exists.")
    @APIResponse(responseCode = "200", description = "The notification (ETag: its version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.InboxItem.class)))
    public Response get(@PathParam("notificationId") UUID id) {
        Notification n = inbox.find(id);
        return Response.ok(Views.InboxItem.of(n)).tag(ETags.of(n.version)).build();
    }

    @POST
    @Path("{notificationId}/read")
    @Operation(operationId = "markMyNotificationRead", summary = "Mark one of my notifications read",
            description = "If-Match: the notification's ETag. 404 for an id that is not one of the caller's.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The notification, read (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.InboxItem.class)))
    public Response markRead(@PathParam("notificationId") UUID id, @Context HttpHeaders headers) {
        Notification n = inbox.markRead(id, IfMatch.from(headers));
        return Response.ok(Views.InboxItem.of(n)).tag(ETags.of(n.version)).build();
    }

    @POST
    @Path("read-all")
    @Operation(operationId = "markAllMyNotificationsRead", summary = "Mark all my notifications read",
            description = "If-Match: the inbox's ETag from the list, so that a notification that arrived after the caller "
                    + "looked is not marked read unseen (412 then).")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "How many were marked",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.ReadAll.class)))
    public Response markAllRead(@Context HttpHeaders headers) {
        int marked = inbox.markAllRead(IfMatch.from(headers));
        return Response.ok(new Views.ReadAll(marked)).tag(ETags.of(inbox.version())).build();
    }
}
