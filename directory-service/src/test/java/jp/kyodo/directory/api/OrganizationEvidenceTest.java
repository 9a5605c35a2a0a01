package jp.kyodo.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.directory.DirectoryTestSupport;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.MultipartBody;

/**
 * Eligibility evidence (会則・役員名簿) as files of an organisation: its representative attaches them, its members and
 * city staff read them (each read of a non-public file audited), another partner neither; an officer list is never
 * public; the event names the kind and hash, never the file's name.
 */
@QuarkusTest
class OrganizationEvidenceTest extends DirectoryTestSupport {

    @Test
    void theRepresentativeAttachesEvidenceThatMembersAndStaffReadAndOthersDoNot() throws Exception {
        String id = registerNpo(unique("会則のある会"));
        asStaff().body(Map.of("subject", PARTNER1, "role", "REPRESENTATIVE")).post(ORGANIZATIONS + "/" + id + "/members")
                .then().statusCode(201);
        String files = ORGANIZATIONS + "/" + id + "/attachments";
        byte[] articles = MultipartBody.samplePdf();

        var attached = upload(asPartner1(), files, "会則（2019年改正）.pdf", articles, "ARTICLES", null).then()
                .statusCode(201).body("kind", equalTo("ARTICLES")).body("mediaType", equalTo("application/pdf"))
                .body("fileName", equalTo("会則（2019年改正）.pdf")).body("sha256", equalTo(sha256(articles)))
                .body("isPublic", equalTo(false)).extract().jsonPath();
        String href = attached.getString("href");

        upload(asPartner1(), files, "役員名簿.pdf", articles, "OFFICER_LIST", "true").then().statusCode(400)
                .body("errors[0].field", equalTo("public"));
        upload(asPartner1(), files, "名簿.pdf", articles, "RECEIPT", null).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        upload(asPartner2(), files, "会則.pdf", articles, "ARTICLES", null).then().statusCode(403);

        assertThat(asStaff().get(href).then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''%E4%BC%9A%E5%89%87"))
                .header("Cache-Control", containsString("no-store")).extract().asByteArray()).isEqualTo(articles);
        asPartner1().get(files).then().statusCode(200).body("size()", equalTo(1));
        asPartner2().get(files).then().statusCode(403);
        asPartner2().get(href).then().statusCode(403);
        asStaff().get(ORGANIZATIONS + "/" + id + "/audit-trail").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("attachment-added", "attachment-read"));

        try (KafkaRecords records = KafkaRecords.from(TOPIC)) {
            var event = records.await(r -> "jp.kyodo.organization.attachment-added.v1".equals(
                    KafkaRecords.header(r, "ce_type")) && id.equals(r.key()), Duration.ofSeconds(30));
            String payload = new String(event.value(), StandardCharsets.UTF_8);
            assertThat(payload).contains(sha256(articles), "ARTICLES").doesNotContain("会則");
        }

        asPartner2().delete(files + "/" + attached.getString("attachmentId")).then().statusCode(403);
        asPartner1().delete(files + "/" + attached.getString("attachmentId")).then().statusCode(204);
        asPartner1().get(href).then().statusCode(404);
        asStaff().get(files).then().statusCode(200).body("size()", equalTo(0));
    }

    private static Response upload(RequestSpecification who, String path, String name, byte[] content, String kind,
            String isPublic) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", kind);
        if (isPublic != null) {
            fields.put("public", isPublic);
        }
        MultipartBody body = MultipartBody.of(name, content, fields);
        return who.contentType(body.contentType()).body(body.bytes()).post(path);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
