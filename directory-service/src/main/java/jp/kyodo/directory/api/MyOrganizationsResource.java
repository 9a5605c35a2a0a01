package jp.kyodo.directory.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.service.OrganizationAccess;
import jp.kyodo.directory.service.OrganizationQueries;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;

/** What the signed-in person belongs to. Shares the directory's root so that every {@code me/…} path (their
 * organisations, their introductions) resolves, whichever resource serves it. */
@Path("/api/directory")
@Tag(name = "Organisations", description = "The actor directory (協働の主体): profiles, search, audit trail")
public class MyOrganizationsResource {

    @Inject
    OrganizationQueries queries;

    @Inject
    OrganizationAccess access;

    @GET
    @Path("me/organizations")
    @Transactional
    @Operation(operationId = "listMyOrganizations", summary = "The organisations you belong to (所属団体の一覧)",
            description = "Every organisation the caller is a member of, with their role and whether they may act for "
                    + "it (name it as actingFor in writes), sorted by reading, then id. Any signed-in caller; an empty "
                    + "page for a person who belongs to none.")
    public Page<MyOrganizationView> list(
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1–100 (default 20)", schema = @Schema(minimum = "1", maximum = "100"))
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<Membership> rows = queries.membershipsOf(access.subject(), page);
        return Page.of(rows, page.limit(), m -> OrganizationQueries.cursorOf(m.organization),
                m -> MyOrganizationView.of(m, access.memberMayActFor(m.organization.type)));
    }
}
