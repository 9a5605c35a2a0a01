package jp.kyodo.notification.api;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.notification.domain.TaskState;
import jp.kyodo.notification.service.MyTasks;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;

@Path("/api/notifications/me/tasks")
@Tag(name = "My tasks and notifications")
@Produces(MediaType.APPLICATION_JSON)
public class MyTasksResource {

    @Inject
    MyTasks tasks;

    @GET
    @Operation(operationId = "listMyTasks", summary = "List what waits for me (やること)",
            description = "The tasks the services opened for the caller: addressed to them, naming them among the people "
                    + "who may act, or addressed to an organisation (or a role in it) they act for. Soonest due first, "
                    + "undated last. A task leaves the OPEN list as soon as its service reports it done or cancelled.")
    public Page<Views.TaskView> list(
            @Parameter(description = "OPEN (default), COMPLETED or CANCELLED") @QueryParam("state") TaskState state,
            @Parameter(description = "Only tasks due before this date (Asia/Tokyo)") @QueryParam("dueBefore") LocalDate dueBefore,
            @Parameter(description = "Only this kind of task (its action, e.g. SIGN_AGREEMENT)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Z0-9_]{0,63}$")) @QueryParam("kind") ActionCode kind,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(tasks.list(state, dueBefore, kind == null ? null : kind.value(), Cursor.decode(page.cursor(), 2),
                page.fetchSize()), page.limit(), MyTasks::cursorOf, Views.TaskView::of);
    }
}
