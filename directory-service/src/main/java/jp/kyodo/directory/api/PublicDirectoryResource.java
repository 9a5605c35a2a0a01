package jp.kyodo.directory.api;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.domain.DirectoryProblems;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.directory.service.OrganizationQueries;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.PublicRead;

@PublicRead
@Path("/api/directory/public/organizations")
@Tag(name = "Public directory", description = "公開団体名簿: verified organisations' public fields, without login")
public class PublicDirectoryResource {

    @Inject
    OrganizationQueries queries;

    @GET
    @Transactional
    @Operation(operationId = "listPublicOrganizations", summary = "List verified organisations (公開団体一覧)", description = "Anonymous. Only VERIFIED organisations, "
            + "only public fields: no members, no personal data; contact only where the organisation publishes it.")
    public Page<PublicOrganizationView> list(
            @Parameter(description = "Actor type (ActorType)") @QueryParam("type") ActorType type,
            @Parameter(description = "Field of activity (FieldOfActivity)") @QueryParam("field") FieldOfActivity field,
            @Parameter(description = "Text in the name or its reading") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1–100") @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<Organization> rows = queries.list(
                new OrganizationQueries.Filter(type, field, OrganizationStatus.VERIFIED, q, null), page);
        return Page.of(rows, page.limit(), OrganizationQueries::cursorOf, PublicOrganizationView::of);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(operationId = "getPublicOrganization", summary = "Read a verified organisation's public entry (公開団体情報)", description = "Anonymous; 404 unless VERIFIED.")
    public PublicOrganizationView read(@PathParam("id") UUID id) {
        Organization organization = Organization.findById(id);
        if (organization == null || organization.status != OrganizationStatus.VERIFIED) {
            throw DirectoryProblems.organizationNotFound();
        }
        return PublicOrganizationView.of(organization);
    }
}
