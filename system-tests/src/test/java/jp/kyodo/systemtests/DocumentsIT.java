package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.stack.Stack;

/**
 * The paper trail through the gateway: eligibility evidence of an organisation, a proposal's budget sheet, an
 * agreement's specification and a cost report's receipts, each uploaded by the partner and read by those the
 * owning record allows (and by nobody else); the signed 協定書 verified by the verification endpoint; the edge's
 * limits on uploads; and an object store that stops and comes back.
 */
@ExtendWith(SystemUnderTest.class)
class DocumentsIT {

    private final CollaborationSteps steps = CollaborationSteps.parties();

    @Test
    void evidenceBudgetSheetSpecificationAndReceiptsAreReadAsTheirRecordsAllow() throws Exception {
        // Eligibility evidence (会則) of the NPO: its members and city staff read it, another partner does not.
        byte[] articles = Kyodo.samplePdf();
        String evidence = "/api/directory/organizations/" + steps.npo + "/attachments";
        JsonPath uploaded = upload("partner1", evidence, "会則.pdf", articles, "ARTICLES", steps.npo).then()
                .statusCode(201).extract().jsonPath();
        assertEquals(sha256(articles), uploaded.getString("sha256"));
        String href = uploaded.getString("href");
        assertArrayEquals(articles, Gateway.as("staff1").get(href).then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''%E4%BC%9A%E5%89%87.pdf"))
                .extract().asByteArray());
        Gateway.as("partner1").get(href).then().statusCode(200);
        Gateway.as("partner2").get(href).then().statusCode(403);
        Gateway.anonymous().get(href).then().statusCode(401);
        assertTrue(Gateway.as("staff1").get("/api/directory/organizations/" + steps.npo + "/audit-trail").then()
                .statusCode(200).extract().jsonPath().getList("action").containsAll(List.of("attachment-added",
                        "attachment-read")), "the evidence's upload and its read are in the audit trail");

        // A budget sheet (収支予算書) of a draft proposal: only its proposers read it.
        UUID proposal = Kyodo.createProposalOnceKnown("partner1", Kyodo.proposal(steps.npo, steps.theme,
                steps.department, "書類つきの提案 " + steps.tag, CollaborationSteps.FISCAL_YEAR, 500_000));
        byte[] budget = "費目,金額\n講師謝金,100000\n".getBytes(StandardCharsets.UTF_8);
        String budgetHref = upload("partner1", "/api/proposals/" + proposal + "/attachments", "収支予算書.csv", budget,
                "BUDGET_SHEET", steps.npo).then().statusCode(201).body("mediaType", equalTo("text/csv"))
                .extract().path("href");
        assertArrayEquals(budget, Gateway.as("partner1").get(budgetHref).then().statusCode(200).extract().asByteArray());
        Gateway.as("staff1").get(budgetHref).then().statusCode(403);
        Gateway.as("partner2").get(budgetHref).then().statusCode(403);

        // A specification (仕様書) of the agreement: listed with its SHA-256 in the frozen version.
        UUID agreement = steps.openAgreement("書類つきの協定");
        steps.awaitSignatoriesKnown(agreement);
        byte[] specification = Kyodo.samplePdf();
        String specHref = upload("partner1", "/api/agreements/" + agreement + "/working-copy/attachments",
                "仕様書.pdf", specification, "SPECIFICATION", steps.npo).then().statusCode(201).extract().path("href");
        CollaborationSteps.Frozen frozen = steps.submitForSignature(agreement);
        JsonPath version = Gateway.as("staff1").get("/api/agreements/" + agreement + "/versions/"
                + frozen.documentVersion()).then().statusCode(200).extract().jsonPath();
        assertEquals(sha256(specification), version.getString("content.attachments[0].sha256"));
        Gateway.as("staff1").get(specHref).then().statusCode(200);
        Gateway.as("partner2").get(specHref).then().statusCode(403);

        // The signed 協定書: both sign, the PDF verifies; a changed byte does not.
        steps.signByBoth(agreement, frozen);
        byte[] signed = pdf("partner1").get("/api/agreements/" + agreement + "/versions/" + frozen.documentVersion()
                + "/signed-document").then().statusCode(200).contentType("application/pdf")
                .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'")).extract().asByteArray();
        JsonPath verified = verify("staff1", signed).then().statusCode(200).extract().jsonPath();
        assertTrue(verified.getBoolean("valid"), verified.prettify());
        assertTrue(verified.getBoolean("complete"));
        assertEquals(agreement.toString(), verified.getString("agreementId"));
        assertEquals(frozen.contentSha256(), verified.getString("contentSha256"));
        assertEquals(2, verified.getList("signatures").size());
        byte[] changed = signed.clone();
        changed[changed.length / 2] ^= 1;
        assertFalse(verify("staff1", changed).then().statusCode(200).extract().jsonPath().getBoolean("valid"));
        Gateway.as("partner1").accept("text/html").get("/api/agreements/" + agreement + "/versions/"
                + frozen.documentVersion() + "/document").then().statusCode(200)
                .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"));

        // Receipts (領収書) of a cost report: never public, read as the agreement.
        UUID costShared = Kyodo.jointFundingInForce(steps.department, steps.npo, steps.tag);
        String report = Gateway.as("partner1").body(Map.of("actingFor", steps.npo.toString(), "fiscalYear",
                Kyodo.COST_REPORT_YEAR,
                "lines", List.of(Map.of("item", "消耗品費", "actualYen", 95_000)))).post("/api/agreements/" + costShared
                        + "/cost-reports").then().statusCode(201).extract().path("id");
        String receipts = "/api/agreements/" + costShared + "/cost-reports/" + report + "/attachments";
        Kyodo.Multipart publicReceipt = Kyodo.multipart("領収書.pdf", Kyodo.samplePdf(), Map.of("kind", "RECEIPT",
                "actingFor", steps.npo.toString(), "public", "true"));
        Gateway.as("partner1").contentType(publicReceipt.contentType()).body(publicReceipt.bytes()).post(receipts)
                .then().statusCode(400).body("errors[0].field", equalTo("public"));
        String receiptHref = upload("partner1", receipts, "領収書.pdf", Kyodo.samplePdf(), "RECEIPT", steps.npo).then()
                .statusCode(201).extract().path("href");
        Gateway.as("staff1").get(receipts).then().statusCode(200).body("size()", equalTo(1));
        Gateway.as("staff1").get(receiptHref).then().statusCode(200);
        Gateway.as("partner2").get(receiptHref).then().statusCode(403);
    }

    @Test
    void theEdgeStreamsUploadsUpToTheirCapAndRefusesWhatIsOverOrUnknownInLength() {
        String evidence = "/api/directory/organizations/" + steps.npo + "/attachments";
        // Over the service's 20 MB file cap (within the gateway's upload limit): 413 from the service, nothing kept.
        upload("partner1", evidence, "big.pdf", bigPdf(20 * 1024 * 1024 + 1), "ARTICLES", steps.npo).then()
                .statusCode(413).contentType("application/problem+json");
        // Over the gateway's upload limit: 413 at the edge.
        upload("partner1", evidence, "bigger.pdf", bigPdf(22 * 1024 * 1024), "ARTICLES", steps.npo).then()
                .statusCode(413).body("type", equalTo("urn:kyodo:problem:payload-too-large"));
        Gateway.as("partner1").get(evidence).then().statusCode(200).body("size()", equalTo(0));
        // Every other route keeps 1 MB.
        Gateway.as("partner1").body(Map.of("name", "x".repeat(1_100_000))).put("/api/directory/organizations/"
                + steps.npo).then().statusCode(413);
    }

    @Test
    void withTheObjectStoreStoppedUploadsAnswer503AndDownloadsRecoverWhenItIsBack() {
        Stack stack = SystemUnderTest.stack();
        String evidence = "/api/directory/organizations/" + steps.npo + "/attachments";
        String href = upload("partner1", evidence, "会則.pdf", Kyodo.samplePdf(), "ARTICLES", steps.npo).then()
                .statusCode(201).extract().path("href");
        stack.stop(Stack.OBJECT_STORE);
        try {
            upload("partner1", evidence, "役員名簿.pdf", Kyodo.samplePdf(), "OFFICER_LIST", steps.npo).then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
            Gateway.as("partner1").get(href).then().statusCode(503).contentType("application/problem+json");
            Gateway.as("partner1").get(evidence).then().statusCode(200).body("size()", equalTo(1));
        } finally {
            stack.start(Stack.OBJECT_STORE);
        }
        Gateway.as("partner1").get(href).then().statusCode(200);
        upload("partner1", evidence, "役員名簿.pdf", Kyodo.samplePdf(), "OFFICER_LIST", steps.npo).then().statusCode(201);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Response upload(String user, String path, String name, byte[] bytes, String kind, UUID actingFor) {
        Kyodo.Multipart body = Kyodo.multipart(name, bytes, Map.of("kind", kind, "actingFor", actingFor.toString()));
        return Gateway.as(user).contentType(body.contentType()).body(body.bytes()).post(path);
    }

    private static RequestSpecification pdf(String user) {
        return Gateway.as(user).accept("application/pdf");
    }

    private static Response verify(String user, byte[] pdf) {
        return Gateway.as(user).contentType("application/pdf").body(pdf).post("/api/agreements/document-verifications");
    }

    private static byte[] bigPdf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = Kyodo.samplePdf();
        System.arraycopy(head, 0, bytes, 0, head.length);
        java.util.Arrays.fill(bytes, head.length, size, (byte) ' ');
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
