package jp.kyodo.notification.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.notification.service.CalendarFeeds;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jp.kyodo.platform.web.SharedApiDocumentation;

@Path("/api/notifications")
@Tag(name = "My tasks and notifications")
public class CalendarFeedResource {

    @Inject
    CalendarFeeds feeds;

    @GET
    @Path("me/calendar-feed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyCalendarFeed", summary = "Whether I have a calendar feed of my due dates",
            description = "The URL itself is shown only when it is made; rotate to get a new one.")
    @APIResponse(responseCode = "200", description = "The feed's status (ETag: the version of my settings)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.CalendarFeed.class)))
    public Response status() {
        CalendarFeeds.Status status = feeds.status();
        return Response.ok(new Views.CalendarFeed(status.active(), null)).tag(ETags.of(status.version())).build();
    }

    @POST
    @Path("me/calendar-feed/rotation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateMyCalendarFeed", summary = "Make a new secret URL for my calendar feed",
            description = "Returns the new iCalendar (RFC 5545) URL, once; the previous URL stops working at once. "
                    + "If-Match: the ETag of the feed's status.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The new URL",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.CalendarFeed.class)))
    public Response rotate(@Context HttpHeaders headers) {
        String url = feeds.rotate(IfMatch.from(headers));
        CalendarFeeds.Status status = feeds.status();
        return Response.ok(new Views.CalendarFeed(true, url)).tag(ETags.of(status.version())).build();
    }

    @GET
    @Path("calendar-feeds/{secret}")
    @Produces("text/calendar; charset=UTF-8")
    @Operation(operationId = "getCalendarFeed", summary = "A personal calendar feed (iCalendar, RFC 5545)",
            description = "No sign-in: the secret in the path is the key (calendar software cannot send tokens). One "
                    + "all-day event per open task with a due date. 404 for a secret that was rotated away.")
    @APIResponse(responseCode = "200", description = "The calendar",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    public Response feed(@Parameter(description = "The secret of the feed URL, with or without .ics",
            schema = @Schema(pattern = "^[A-Za-z0-9_-]{43}(\\.ics)?$")) @PathParam("secret") String secret) {
        return Response.ok(feeds.feed(secret)).header("Cache-Control", "private, max-age=300")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
