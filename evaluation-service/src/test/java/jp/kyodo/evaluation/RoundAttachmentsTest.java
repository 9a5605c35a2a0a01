package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.MultipartBody;

/**
 * Files of an evaluation round (振り返り記録・第三者評価の資料): the parties attach them while the round runs and read
 * them with city staff; nobody else does; a closed round's files are part of the record and stay.
 */
@QuarkusTest
class RoundAttachmentsTest extends EvaluationTestSupport {

    @Test
    void thePartiesAttachTheirRecordsUntilTheRoundIsClosed() {
        Reviewed r = reviewedRound("WELFARE");
        String files = "/api/evaluations/rounds/" + r.roundId() + "/attachments";
        byte[] minutes = MultipartBody.samplePdf();

        var attached = upload(partner(PARTNER1), files, "振り返り会議録.pdf", minutes, "REFLECTION_RECORD",
                r.c().partner()).then().statusCode(201).body("kind", equalTo("REFLECTION_RECORD"))
                .body("partKind", equalTo("ROUND")).extract().jsonPath();
        upload(partner(PARTNER2), files, "資料.pdf", minutes, "OTHER", r.c().partner()).then().statusCode(403);
        upload(partner(PARTNER1), files, "資料.pdf", minutes, "BUDGET_SHEET", r.c().partner()).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));

        assertThat(staff(STAFF1).get(attached.getString("href")).then().statusCode(200).extract().asByteArray())
                .isEqualTo(minutes);
        partner(PARTNER2).get(files).then().statusCode(403);
        partner(PARTNER2).get(attached.getString("href")).then().statusCode(403);
        staff(STAFF1).get("/api/evaluations/rounds/" + r.roundId() + "/audit-trail").then().statusCode(200)
                .body("action", hasItems("attachment-added", "attachment-read"));

        closeRound(r);
        upload(partner(PARTNER1), files, "追加.pdf", minutes, "OTHER", r.c().partner()).then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:attachment-frozen"));
        partner(PARTNER1).queryParam("actingFor", r.c().partner()).delete(files + "/" + attached.getString(
                "attachmentId")).then().statusCode(409);
        partner(PARTNER1).get(files).then().statusCode(200).body("size()", equalTo(1));

        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            assertThat(awaitEvent(records, "jp.kyodo.evaluation.attachment-added.v1", r.roundId()).toString())
                    .contains("REFLECTION_RECORD").doesNotContain("振り返り会議録");
        }
    }

    private static Response upload(RequestSpecification who, String path, String name, byte[] content, String kind,
            UUID actingFor) {
        MultipartBody body = MultipartBody.of(name, content, Map.of("kind", kind, "actingFor", actingFor.toString()));
        return who.contentType(body.contentType()).body(body.bytes()).post(path);
    }
}
