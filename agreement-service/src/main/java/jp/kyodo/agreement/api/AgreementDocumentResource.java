package jp.kyodo.agreement.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.document.DocumentRenderer;
import jp.kyodo.agreement.document.DocumentRevision;
import jp.kyodo.agreement.document.DocumentVerification;
import jp.kyodo.agreement.document.DocumentVerificationReport;
import jp.kyodo.agreement.document.VersionDocuments;
import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.attachments.ContentDisposition;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/** The document of a version (協定書 …) as HTML or PDF, the signed PDF, and the verification of a signed PDF. */
@Path("/api/agreements")
@Tag(name = "Agreements")
public class AgreementDocumentResource {

    static final String PDF = "application/pdf";

    public static final ProblemType NOT_FULLY_SIGNED = ProblemType.of("document-not-fully-signed", 409,
            "Not every party has signed this version yet", "この版にはまだ全当事者の署名がありません");

    @Inject
    AgreementAccess access;

    @Inject
    DocumentRenderer renderer;

    @Inject
    VersionDocuments documents;

    @Inject
    DocumentVerification verification;

    @Inject
    Attachments attachments;

    @GET
    @Path("{id}/versions/{n}/document")
    @Produces({ MediaType.TEXT_HTML, PDF })
    @Operation(operationId = "getVersionDocument", summary = "The document of a version (協定書), HTML or PDF",
            description = "By Accept: text/html (the default) shows the document with the signatures recorded so far;"
                    + " application/pdf is the PDF/A-3b rendered once when the version was frozen, with the version's"
                    + " canonical JSON embedded, before any signature. Readers of the agreement only.")
    @APIResponse(responseCode = "200", description = "The document", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response document(@PathParam("id") UUID id, @PathParam("n") int n, @Context Request request) {
        Variant variant = request.selectVariant(Variant.mediaTypes(MediaType.TEXT_HTML_TYPE,
                MediaType.valueOf(PDF)).build());
        if (variant == null) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, LocalizedText.of(
                    "The document is served as text/html or application/pdf.",
                    "文書は text/html または application/pdf で提供されます。"));
        }
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        AgreementVersion version = Agreements.version(id, n);
        if (variant.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return Response.ok(renderer.html(agreement, version), MediaType.TEXT_HTML + ";charset=UTF-8").build();
        }
        return pdf(documents.original(agreement, version), fileName(agreement, version, false));
    }

    @GET
    @Path("{id}/versions/{n}/signed-document")
    @Produces(PDF)
    @Operation(operationId = "getSignedVersionDocument", summary = "The signed PDF of a version",
            description = "The version's PDF with every party's PAdES signature (each added incrementally to the"
                    + " stored PDF): the department's with the city's key, a partner's attested by the system's"
                    + " witness key. 409 until every party the document needs has signed. Readers of the agreement.")
    @APIResponse(responseCode = "200", description = "The signed PDF (PDF/A-3b)",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response signedDocument(@PathParam("id") UUID id, @PathParam("n") int n) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        AgreementVersion version = Agreements.version(id, n);
        int signers = VersionDocuments.signers(CanonicalJson.read(version.content)).size();
        DocumentRevision latest = DocumentRevision.latest(id, n).orElse(null);
        long signed = DocumentRevision.count("agreementId = ?1 and versionNumber = ?2 and signedFor is not null", id, n);
        if (latest == null || signed < signers) {
            throw new ProblemException(NOT_FULLY_SIGNED, LocalizedText.of(
                    signed + " of " + signers + " signatures on version " + n + " so far.",
                    "第" + n + "版の署名は " + signers + " 件中 " + signed + " 件です。"));
        }
        return pdf(documents.latest(latest), fileName(agreement, version, true));
    }

    @POST
    @Path("document-verifications")
    @Consumes(PDF)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifySignedDocument", summary = "Verify a signed agreement PDF",
            description = "Says which agreement and version the PDF is, and whether every signature is intact and"
                    + " chains to a trusted certificate (a PDF re-signed with any other key fails), the last signature"
                    + " covers the whole file, the embedded content matches the version's SHA-256 and the file is a"
                    + " signed revision this system issued. Anyone signed in; nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "What was found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentVerificationReport.class)))
    public DocumentVerificationReport verify(InputStream body) throws IOException {
        access.subject();
        byte[] pdf = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, attachments.maxSizeBytes() + 1));
        if (pdf.length > attachments.maxSizeBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, LocalizedText.of("The PDF is too large.",
                    "PDF が大きすぎます。"));
        }
        return verification.verify(pdf);
    }

    private static Response pdf(byte[] bytes, String fileName) {
        return Response.ok(bytes, PDF).header("Content-Disposition", ContentDisposition.inline(fileName))
                .header("Cache-Control", "private, no-store").build();
    }

    private static String fileName(Agreement agreement, AgreementVersion version, boolean signed) {
        String kind = VersionDocuments.kindOf(CanonicalJson.read(version.content)).titleJa();
        return agreement.title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "_" + kind + "_第" + version.number + "版"
                + (signed ? "_署名済" : "") + ".pdf";
    }

}
