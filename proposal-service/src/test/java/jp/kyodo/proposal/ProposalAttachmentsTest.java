package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.platform.testing.MultipartBody;

/**
 * The papers a proposal comes with (事業計画書・収支予算書): its proposers attach them; a draft's files are read by its
 * proposers alone, a submitted proposal's also by the department; once submitted a file stays with the record.
 */
@QuarkusTest
class ProposalAttachmentsTest extends ProposalTestSupport {

    @Test
    void proposersAttachTheirPapersAndASubmittedProposalKeepsThem() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String id = draft(PARTNER1, proposalBody(npo, department, null, 100000));
        String files = "/api/proposals/" + id + "/attachments";
        byte[] budget = "費目,金額\n講師謝金,100000\n消耗品費,20000\n".getBytes(StandardCharsets.UTF_8);

        var sheet = upload(partner(PARTNER1), files, "収支予算書.csv", budget, "BUDGET_SHEET", npo).then()
                .statusCode(201).body("mediaType", equalTo("text/csv")).body("sizeBytes", equalTo(budget.length))
                .extract().jsonPath();
        String draftOnly = upload(partner(PARTNER1), files, "メモ.txt", "下書き".getBytes(StandardCharsets.UTF_8),
                "OTHER", npo).then().statusCode(201).body("mediaType", equalTo("text/plain")).extract()
                .path("attachmentId");
        upload(partner(PARTNER2), files, "収支予算書.csv", budget, "BUDGET_SHEET", npo).then().statusCode(403);
        upload(partner(PARTNER1), files, "収支予算書.csv", budget, "RECEIPT", npo).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));

        // A draft is its proposers' alone.
        assertThat(partner(PARTNER1).get(sheet.getString("href")).then().statusCode(200).extract().asByteArray())
                .isEqualTo(budget);
        staff(STAFF1).get(sheet.getString("href")).then().statusCode(403);
        partner(PARTNER2).get(files).then().statusCode(403);
        partner(PARTNER1).delete(files + "/" + draftOnly).then().statusCode(400)
                .body("errors[0].field", equalTo("actingFor"));
        partner(PARTNER1).queryParam("actingFor", npo).delete(files + "/" + draftOnly).then().statusCode(204);

        submit(PARTNER1, id, npo, true).then().statusCode(200);
        staff(STAFF1).get(files).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].sha256", equalTo(sheet.getString("sha256")));
        staff(STAFF1).get(sheet.getString("href")).then().statusCode(200);
        partner(PARTNER1).queryParam("actingFor", npo).delete(files + "/" + sheet.getString("attachmentId")).then()
                .statusCode(409).body("type", equalTo("urn:kyodo:problem:attachment-frozen"));
        // A revised plan during the brush-up is added beside it.
        upload(partner(PARTNER1), files, "事業計画書.pdf", MultipartBody.samplePdf(), "BUSINESS_PLAN", npo).then()
                .statusCode(201);
        staff(STAFF1).get("/api/proposals/" + id + "/audit-trail").then().statusCode(200)
                .body("action", hasItems("attachment-added", "attachment-removed", "attachment-read"));

        // The draft's files were its proposers' own; the first file announced is the one added after submission.
        assertThat(eventPayload("jp.kyodo.proposal.attachment-added.v1", id).toString())
                .contains("BUSINESS_PLAN").doesNotContain("BUDGET_SHEET").doesNotContain("事業計画書");
    }

    private static Response upload(RequestSpecification who, String path, String name, byte[] content, String kind,
            UUID actingFor) {
        MultipartBody body = MultipartBody.of(name, content, Map.of("kind", kind, "actingFor", actingFor.toString()));
        return who.contentType(body.contentType()).body(body.bytes()).post(path);
    }
}
