package jp.kyodo.notification.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

import jp.kyodo.notification.service.Preferences;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;

@Path("/api/notifications/me/preferences")
@Tag(name = "My tasks and notifications")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    @Inject
    Preferences preferences;

    @GET
    @Operation(operationId = "getMyNotificationPreferences", summary = "Read how my notifications reach me",
            description = "Per kind (TASK_OPENED, REMINDER, OVERDUE, ESCALATION, DECISION): IMMEDIATELY (a mail at once), "
                    + "DAILY_DIGEST (one mail a day) or OFF (no mail; the inbox still shows it); and the mail language.")
    @APIResponse(responseCode = "200", description = "The preferences (ETag: their version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.Preferences.class)))
    public Response read() {
        Preferences.Current current = preferences.current();
        return Response.ok(new Views.Preferences(current.language(), current.deliveries())).tag(ETags.of(current.version()))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMyNotificationPreferences", summary = "Change how my notifications reach me",
            description = "Sets the language and the deliveries of the kinds listed (others keep theirs). If-Match: the "
                    + "preferences' ETag. An unknown kind, delivery or language is a 400 naming the field.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The preferences now (ETag: their new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.Preferences.class)))
    public Response change(@Valid @NotNull PreferencesInput input, @Context HttpHeaders headers) {
        Preferences.Current current = preferences.change(input.language(), input.deliveries(), IfMatch.from(headers));
        return Response.ok(new Views.Preferences(current.language(), current.deliveries())).tag(ETags.of(current.version()))
                .build();
    }
}
