package jp.kyodo.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jp.kyodo.agreement.document.DemoPki;
import jp.kyodo.agreement.document.PadesSigner;
import jp.kyodo.agreement.document.SignedPdf;
import jp.kyodo.agreement.document.SigningKey;
import jp.kyodo.platform.testing.MultipartBody;
import jp.kyodo.platform.testing.ObjectStoreServer;

/**
 * The 協定書 as a signed PDF: rendered at the freeze as PDF/A-3b with its Japanese text extractable, each signature a
 * PAdES signature that verifies with PDFBox and Bouncy Castle, the verification endpoint telling a genuine document
 * from a changed, re-signed or older one; and the files attached to the working copy.
 */
@QuarkusTest
class DocumentsTest extends AgreementTestSupport {

    /** Rendering the first PDF of a JVM on a busy machine takes long; the timeout is for the test client only. */
    @org.junit.jupiter.api.BeforeAll
    static void patientClient() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 300_000)
                        .setParam("http.connection.timeout", 30_000));
    }

    @Test
    void bothPartiesSignThePdfAndTheSignedDocumentVerifies() throws Exception {
        Parties p = parties(null);
        UUID id = open(p, withSealBlocks(content(p, "AGREEMENT", "C"), p));
        asPartner();
        byte[] specification = pdfWithText();
        JsonPath attached = upload(id, "仕様書（案）.pdf", specification, "SPECIFICATION", p.npo()).then()
                .statusCode(201).extract().jsonPath();
        assertThat(attached.getString("sha256")).isEqualTo(sha256(specification));
        assertThat(attached.getString("mediaType")).isEqualTo("application/pdf");
        assertThat(attached.getString("fileName")).isEqualTo("仕様書（案）.pdf");
        byte[] downloaded = given().get(attached.getString("href")).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "filename*=UTF-8''%E4%BB%95%E6%A7%98%E6%9B%B8")).extract().asByteArray();
        assertThat(downloaded).isEqualTo(specification);

        asStaff();
        JsonPath version = submit(id, p.department()).then().statusCode(201).extract().jsonPath();
        String contentSha256 = version.getString("contentSha256");
        assertThat(version.getString("content.attachments[0].sha256")).isEqualTo(sha256(specification));

        byte[] original = given().accept("application/pdf").get("/api/agreements/" + id + "/versions/1/document")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        // Extraction puts spaces where the layout spaced letters (the title) or wrapped a cell: compare without them.
        String text = text(original).replace(" ", "");
        assertThat(text).contains("協定書", "は、「里山の協働保全」を協働して実施するため", "令和6年4月1日から令和8年3月31日まで",
                "市民協働推進課", "記名押印", "代表理事山田花子", "○○市長", "電子署名（立会人型）",
                "仕様書（案）.pdf", sha256(specification).substring(0, 16));
        given().accept("text/html").get("/api/agreements/" + id + "/versions/1/document").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html"));
        given().get("/api/agreements/" + id + "/versions/1/signed-document").then().statusCode(409);

        asSigner();
        sign(id, p.department(), 1).then().statusCode(201);
        asPartner();
        sign(id, p.npo(), 1).then().statusCode(201).body("documentSha256", org.hamcrest.Matchers.matchesPattern(
                "[0-9a-f]{64}"));
        byte[] signed = given().get("/api/agreements/" + id + "/versions/1/signed-document").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        // Kept for a look at what people get (pdftoppm -png target/documents/signed-agreement.pdf).
        Files.createDirectories(Path.of("target/documents"));
        Files.write(Path.of("target/documents/signed-agreement.pdf"), signed);

        // Each signature verifies with PDFBox and Bouncy Castle and chains to the configured CA; nothing follows the last.
        SignedPdf.Inspection inspection = SignedPdf.inspect(signed, trustAnchors());
        assertThat(inspection.signatures()).hasSize(2).allSatisfy(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
        });
        assertThat(inspection.signatures().get(1).reason()).contains("立会人", "山田 花子", contentSha256);
        assertThat(inspection.lastCoversWholeFile()).isTrue();
        // The PDF's embedded content is the version's content: same SHA-256.
        assertThat(inspection.dataFileSha256()).isEqualTo(contentSha256);
        // The first signature still covers exactly the PDF as it was after it (incremental update).
        assertThat(inspection.signatures().get(0).coveredBytes()).isLessThan(signed.length);
        assertThat(text(signed)).contains("里山の協働保全");
        assertPdfA3b(signed);

        JsonPath verified = verify(signed).then().statusCode(200).extract().jsonPath();
        assertThat(verified.getBoolean("valid")).as(verified.prettify()).isTrue();
        assertThat(verified.getBoolean("complete")).isTrue();
        assertThat(verified.getString("agreementId")).isEqualTo(id.toString());
        assertThat(verified.getInt("documentVersion")).isEqualTo(1);
        assertThat(verified.getString("versionStatus")).isEqualTo("IN_FORCE");

        byte[] changed = signed.clone();
        changed[changed.length / 3] ^= 1;
        assertThat(verify(changed).then().statusCode(200).extract().jsonPath().getBoolean("valid")).isFalse();

        byte[] resigned = PadesSigner.sign(signed, otherKey(), new PadesSigner.Statement("偽の署名者", "改ざん", "x",
                Instant.now()));
        JsonPath forged = verify(resigned).then().statusCode(200).extract().jsonPath();
        assertThat(forged.getBoolean("valid")).isFalse();
        assertThat(forged.getList("signatures.trusted", Boolean.class)).containsExactly(true, true, false);
    }

    @Test
    void anOlderVersionSignedOutsideTheSystemFailsVerification() throws Exception {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        submit(id, p.department()).then().statusCode(201);
        byte[] first = given().accept("application/pdf").get("/api/agreements/" + id + "/versions/1/document").then()
                .statusCode(200).extract().asByteArray();
        asPartner();
        var working = given().get("/api/agreements/" + id + "/working-copy").then().extract();
        Map<String, Object> content = working.jsonPath().getMap("content");
        content.put("purpose", "里山と水辺を保全する");
        json().header("If-Match", working.header("ETag")).body(Map.of("actingFor", p.npo().toString(), "content",
                content)).put("/api/agreements/" + id + "/working-copy").then().statusCode(200);

        // Version 1 was withdrawn unsigned; signed afterwards with the city's own key, it is still not the agreement.
        byte[] signedOutside = PadesSigner.sign(first, cityKey(), new PadesSigner.Statement("○○市長", "署名", "x",
                Instant.now()));
        JsonPath result = verify(signedOutside).then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("signatures.trusted", Boolean.class)).containsExactly(true);
        assertThat(result.getBoolean("contentMatches")).isTrue();
        assertThat(result.getBoolean("valid")).isFalse();
        assertThat(result.getString("versionStatus")).isEqualTo("NOT_IN_FORCE");
        verify("not a pdf".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("type", equalTo("urn:kyodo:problem:not-a-pdf"));
    }

    @Test
    void refusedUploadsLeaveNothingBehindAndFilesOfAFrozenVersionStay() throws Exception {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        asPartner();
        long rows = count("select count(*) from kyodo_attachment");
        long objects = objectCount();

        byte[] exe = ("MZ" + "\0".repeat(200) + "This program cannot be run in DOS mode").getBytes(StandardCharsets.ISO_8859_1);
        upload(id, "仕様書.pdf", exe, "SPECIFICATION", p.npo()).then().statusCode(415)
                .body("type", equalTo("urn:kyodo:problem:unsupported-media-type"));
        upload(id, "spec.html", "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "SPECIFICATION",
                p.npo()).then().statusCode(415);
        upload(id, "map.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
                .getBytes(StandardCharsets.UTF_8), "DRAWING", p.npo()).then().statusCode(415);
        upload(id, "report.pdf", pdfWithText(), "NOT_A_KIND", p.npo()).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        upload(id, "empty.pdf", new byte[0], "SPECIFICATION", p.npo()).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(id, "../../etc/passwd.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(id, "a\u0007b.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(400);
        given().multiPart("file", "spec.pdf", pdfWithText(), "application/pdf").multiPart("kind", "SPECIFICATION")
                .multiPart("actingFor", p.npo().toString()).multiPart("sha256", "0".repeat(64))
                .post("/api/agreements/" + id + "/working-copy/attachments").then().statusCode(400)
                .body("type", equalTo("urn:kyodo:problem:checksum-mismatch"));
        as("a0000000-0000-4000-8000-0000000000ff", "partner");
        upload(id, "spec.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(403);
        assertThat(count("select count(*) from kyodo_attachment")).isEqualTo(rows);
        assertThat(objectCount()).isEqualTo(objects);

        asPartner();
        JsonPath keptFile = upload(id, "spec.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(201)
                .extract().jsonPath();
        String kept = keptFile.getString("attachmentId");
        String dropped = upload(id, "memo.txt", "メモ".getBytes(StandardCharsets.UTF_8), "OTHER", p.npo()).then()
                .statusCode(201).body("mediaType", equalTo("text/plain")).extract().path("attachmentId");
        given().queryParam("actingFor", p.npo().toString()).delete("/api/agreements/" + id + "/attachments/" + dropped)
                .then().statusCode(204);
        submit(id, p.npo()).then().statusCode(201);
        given().queryParam("actingFor", p.npo().toString()).delete("/api/agreements/" + id + "/attachments/" + kept)
                .then().statusCode(409).body("type", equalTo("urn:kyodo:problem:attachment-frozen"));
        upload(id, "late.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(409);
        awaitTrue("the dropped file is deleted from the store", () -> objectCount() == objects + 1 + 1);
        assertThat(payloadOf("jp.kyodo.agreement.attachment-added.v1", id, java.time.Duration.ofSeconds(20))
                .toString()).doesNotContain("spec.pdf").contains(keptFile.getString("sha256"));
    }

    @Test
    void withTheObjectStoreDownUploadsAnswer503AndNothingIsHalfWritten() throws Exception {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        asPartner();
        String href = upload(id, "spec.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(201)
                .extract().path("href");
        long rows = count("select count(*) from kyodo_attachment");
        ObjectStoreServer.stop();
        try {
            upload(id, "spec2.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(503)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .contentType("application/problem+json");
            given().get(href).then().statusCode(503).contentType("application/problem+json");
            assertThat(count("select count(*) from kyodo_attachment")).isEqualTo(rows);
        } finally {
            ObjectStoreServer.restart();
        }
        given().get(href).then().statusCode(200);
        upload(id, "spec2.pdf", pdfWithText(), "SPECIFICATION", p.npo()).then().statusCode(201);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A multipart upload as browsers send it (the file's name as raw UTF-8 in the part header). */
    private Response upload(UUID agreement, String name, byte[] bytes, String kind, UUID actingFor) {
        MultipartBody body = MultipartBody.of(name, bytes, Map.of("kind", kind, "actingFor", actingFor.toString()));
        return given().contentType(body.contentType()).body(body.bytes())
                .post("/api/agreements/" + agreement + "/working-copy/attachments");
    }

    private Response verify(byte[] pdf) {
        return given().contentType("application/pdf").body(pdf).post("/api/agreements/document-verifications");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withSealBlocks(Map<String, Object> content, Parties p) {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (Object o : (List<Object>) content.get("parties")) {
            Map<String, Object> party = new LinkedHashMap<>((Map<String, Object>) o);
            if (party.get("organizationId").equals(p.npo().toString())) {
                party.put("sealBlock", Map.of("address", "横浜市中区本町1-1", "title", "代表理事", "name", "山田 花子"));
            } else {
                party.put("sealBlock", Map.of("address", "横浜市中区本町6-50-10", "contact", "市民局 市民協働推進課"));
            }
            parties.add(party);
        }
        content.put("parties", parties);
        return content;
    }

    private static byte[] pdfWithText() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void assertPdfA3b(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_B); PDFAValidator validator = Foundries.defaultInstance()
                        .createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            assertThat(failures).as("veraPDF PDF/A-3b").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }

    private static java.util.Set<java.security.cert.TrustAnchor> trustAnchors() throws Exception {
        try (var in = Files.newInputStream(Path.of("target/test-pki", DemoPki.TRUST_ANCHORS))) {
            java.util.Set<java.security.cert.TrustAnchor> anchors = new java.util.HashSet<>();
            for (var c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.add(new java.security.cert.TrustAnchor((java.security.cert.X509Certificate) c, null));
            }
            return anchors;
        }
    }

    private static SigningKey cityKey() {
        return SigningKey.fromPkcs12(Path.of("target/test-pki", DemoPki.CITY_KEYSTORE), DemoPki.PASSWORD.toCharArray(),
                null);
    }

    private static SigningKey otherKey() throws IOException {
        Path dir = Files.createTempDirectory("other-pki");
        DemoPki.ensure(dir, "偽市");
        return SigningKey.fromPkcs12(dir.resolve(DemoPki.CITY_KEYSTORE), DemoPki.PASSWORD.toCharArray(), null);
    }

    private static long objectCount() {
        Path bucket = ObjectStoreServer.dataDirectory().resolve("kyodo-agreement-service");
        if (!Files.exists(bucket)) {
            return 0;
        }
        try (var files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
