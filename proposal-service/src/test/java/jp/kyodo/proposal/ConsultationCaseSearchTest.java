package jp.kyodo.proposal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.kernel.FiscalYear;

@QuarkusTest
class ConsultationCaseSearchTest extends ProposalTestSupport {

    /** A proposal titled with the given words, withdrawn by its proposers for the given reason. */
    String withdrawnCase(String title, String reason, boolean consent) {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        Map<String, Object> body = proposalBody(npo, department, null, 1);
        body.put("title", title);
        body.put("field", "TOWN_PLANNING");
        String id = draft(PARTNER1, body);
        submit(PARTNER1, id, npo, consent).then().statusCode(200);
        partner(PARTNER1).header("If-Match", etagOf(id)).body(Map.of("actingFor", npo, "reason", reason))
                .post("/api/proposals/" + id + "/withdrawal").then().statusCode(200);
        return id;
    }

    @Test
    void japaneseTextIsFoundWithoutSpacesAndAcrossFullAndHalfWidth() {
        String marker = "ＫＹＯＤＯ" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String park = withdrawnCase("市民公園の協働管理" + marker, "担い手が集まらなかった", true);
        String cases = "/api/proposals/consultation-cases";

        staff(STAFF1).queryParam("q", "公園").queryParam("limit", 100).get(cases).then().statusCode(200)
                .body("items.proposalId", hasItem(park));
        // Full-width ＫＹＯＤＯ was stored; the half-width, lower-case query finds it.
        String halfWidth = java.text.Normalizer.normalize(marker, java.text.Normalizer.Form.NFKC).toLowerCase();
        staff(STAFF1).queryParam("q", halfWidth).get(cases).then().statusCode(200)
                .body("items.proposalId", hasItem(park)).body("items[0].reason", equalTo("担い手が集まらなかった"))
                .body("items[0].outcome", equalTo("WITHDRAWN"))
                .body("items[0].proposingOrganizationIds", not(nullValue()));
        // Half-width katakana in the query matches the reason's full-width form.
        staff(STAFF1).queryParam("q", "担い手").queryParam("field", "TOWN_PLANNING")
                .queryParam("fiscalYear", FiscalYear.current().year()).queryParam("outcome", "WITHDRAWN")
                .queryParam("limit", 100).get(cases).then().statusCode(200).body("items.proposalId", hasItem(park));
        // The bigrams of 園公 are all in 公園… only as pieces, and the substring check refuses it.
        staff(STAFF1).queryParam("q", "園公" + halfWidth).get(cases).then().statusCode(200)
                .body("items.proposalId", not(hasItem(park)));
        staff(STAFF1).queryParam("q", "公園").queryParam("field", "WELFARE").queryParam("limit", 100).get(cases).then()
                .body("items.proposalId", not(hasItem(park)));
        as(COORDINATOR1, "coordinator").queryParam("q", halfWidth).get(cases).then().statusCode(200)
                .body("items.proposalId", hasItem(park));
    }

    @Test
    void halfWidthKatakanaAndSingleCharactersAreFoundToo() {
        String marker = Long.toString(System.nanoTime(), 36);
        String id = withdrawnCase("シニアの見守りネットワーク" + marker, "予算が確保できなかった", true);
        staff(STAFF1).queryParam("q", "ﾈｯﾄﾜｰｸ" + marker).get("/api/proposals/consultation-cases").then()
                .statusCode(200).body("items.proposalId", hasItem(id));
        staff(STAFF1).queryParam("q", "見").queryParam("limit", 100).queryParam("outcome", "WITHDRAWN")
                .get("/api/proposals/consultation-cases").then().statusCode(200);
    }

    @Test
    void withoutConsentTheCaseIsKeptWithTheProposersIdentityRemoved() {
        String marker = Long.toString(System.nanoTime(), 36);
        String id = withdrawnCase("匿名の提案" + marker, "事情により", false);
        staff(STAFF1).queryParam("q", marker).get("/api/proposals/consultation-cases").then().statusCode(200)
                .body("items[0].proposalId", equalTo(id)).body("items[0].identityRemoved", equalTo(true))
                .body("items[0].proposingOrganizationIds", nullValue());
    }

    @Test
    void casesAreForStaffAndCoordinatorsOnly() {
        partner(PARTNER1).get("/api/proposals/consultation-cases").then().statusCode(403);
        anonymous().get("/api/proposals/consultation-cases").then().statusCode(401);
        staff(STAFF1).queryParam("outcome", "ADOPTED").get("/api/proposals/consultation-cases").then()
                .statusCode(400).body("errors.field", hasItem("outcome"));
    }
}
