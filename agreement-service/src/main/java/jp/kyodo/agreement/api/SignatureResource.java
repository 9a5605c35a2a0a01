package jp.kyodo.agreement.api;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.domain.Signature;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.AgreementSigning;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.web.SharedApiDocumentation;

@Path("/api/agreements/{id}/signatures")
@Tag(name = "Agreements")
public class SignatureResource {

    @Inject
    AgreementSigning signing;

    @Inject
    AgreementAccess access;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "signAgreement", summary = "Sign the version awaiting signatures for a party (representative or department signatory)",
            description = "Signs the version awaiting signatures for one party: a non-city party's representative, or a "
                    + "department's signatory whose amount limit covers the city's share. The body names the version's "
                    + "SHA-256, so a signature always refers to the content the signer read; when the last party signs "
                    + "the agreement becomes ACTIVE.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The signature",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignatureView.class)))
    public Response sign(@PathParam("id") UUID id, @Valid @NotNull SignatureRequest body) {
        Signature signature = signing.sign(id, body.actingFor(), body.documentVersion(), body.contentSha256());
        return Response.created(URI.create("/api/agreements/" + id + "/signatures"))
                .entity(SignatureView.of(signature)).build();
    }

    @GET
    @Operation(operationId = "listSignatures", summary = "Every signature on every version",
            description = "Every signature on every version: the party, the role of the signer (代表者 or 決裁権者), the content signed and when.")
    public List<SignatureView> list(@PathParam("id") UUID id) {
        access.requireReader(Agreements.find(id));
        return Signature.allOf(id).stream().map(SignatureView::of).toList();
    }
}
