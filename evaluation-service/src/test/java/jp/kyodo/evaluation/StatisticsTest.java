package jp.kyodo.evaluation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Statistics for the council: staff and analysts read CLOSED and PUBLISHED rounds; everyone else PUBLISHED ones
 * only, with cells of fewer than 3 cases hidden. Each test works in fiscal years of its own.
 */
@QuarkusTest
class StatisticsTest extends EvaluationTestSupport {

    @Test
    void anonymousCallersGetPublishedRoundsOnlyWithCellsOfFewerThanThreeCasesHidden() {
        int year = nextFiscalYear();
        for (int i = 0; i < 2; i++) {
            Reviewed r = reviewedRound(collaboration("WELFARE", year));
            closeRound(r);
            publishRound(r);
        }
        Reviewed closedOnly = reviewedRound(collaboration("EDUCATION", year));
        closeRound(closedOnly);

        anonymous().queryParam("fiscalYear", year).queryParam("by", "FIELD").get("/api/evaluations/statistics").then()
                .statusCode(200)
                .body("basis", equalTo("PUBLISHED")).body("minimumCases", equalTo(3))
                .body("cells", hasSize(1))
                .body("cells[0].key", equalTo("WELFARE")).body("cells[0].suppressed", equalTo(true))
                .body("cells[0].cases", nullValue()).body("cells[0].project", nullValue());
        partner(PARTNER1).queryParam("fiscalYear", year).queryParam("by", "FIELD").get("/api/evaluations/statistics")
                .then().statusCode(200).body("basis", equalTo("PUBLISHED")).body("cells[0].suppressed", equalTo(true));

        Reviewed third = reviewedRound(collaboration("WELFARE", year));
        closeRound(third);
        publishRound(third);

        anonymous().queryParam("fiscalYear", year).queryParam("by", "FIELD").get("/api/evaluations/statistics").then()
                .statusCode(200)
                .body("cells", hasSize(1))
                .body("cells[0].key", equalTo("WELFARE")).body("cells[0].suppressed", equalTo(false))
                .body("cells[0].cases", equalTo(3))
                .body("cells[0].collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.mean", equalTo(4.0f))
                .body("cells[0].collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.scores", equalTo(6))
                .body("cells[0].project.find { it.item == 'PROJECT_SCHEDULE_PROGRESS' }.mean", equalTo(3.0f))
                .body("cells[0].divergentItemShare", equalTo(0.0455f))
                .body("cells[0].indicatorAchievement.find { it.band == 'AT_LEAST_120' }.count", equalTo(6))
                .body("cells[0].indicatorAchievement.find { it.band == 'FROM_50_TO_80' }.count", equalTo(6))
                .body("cells[0].overall", nullValue());
    }

    @Test
    void staffAndAnalystsAlsoCountClosedRoundsAndSeeSmallCells() {
        int year = nextFiscalYear();
        Reviewed published = reviewedRound(collaboration("DISASTER_PREVENTION", year));
        closeRound(published);
        publishRound(published);
        Reviewed closed = reviewedRound(collaboration("ENVIRONMENT", year));
        closeRound(closed);
        reviewedRound(collaboration("ENVIRONMENT", year));

        as(ANALYST1, "analyst").queryParam("fiscalYear", year).queryParam("by", "FIELD")
                .get("/api/evaluations/statistics").then().statusCode(200)
                .body("basis", equalTo("CLOSED_AND_PUBLISHED")).body("minimumCases", nullValue())
                .body("cells", hasSize(2))
                .body("cells.find { it.key == 'ENVIRONMENT' }.cases", equalTo(1))
                .body("cells.find { it.key == 'DISASTER_PREVENTION' }.cases", equalTo(1))
                .body("cells.find { it.key == 'DISASTER_PREVENTION' }.suppressed", equalTo(false));
        staff(STAFF1).queryParam("fiscalYear", year).get("/api/evaluations/statistics").then().statusCode(200)
                .body("by", equalTo("FISCAL_YEAR"))
                .body("cells", hasSize(1)).body("cells[0].key", equalTo(Integer.toString(year)))
                .body("cells[0].cases", equalTo(2));
        staff(STAFF1).queryParam("fiscalYear", year).queryParam("by", "ACTOR_TYPE").get("/api/evaluations/statistics")
                .then().statusCode(200)
                .body("cells.key", org.hamcrest.Matchers.contains("CITY_DEPARTMENT", "CIVIC_GROUP"))
                .body("cells.find { it.key == 'CIVIC_GROUP' }.cases", equalTo(2))
                .body("cells.find { it.key == 'CIVIC_GROUP' }.collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.mean",
                        equalTo(5.0f))
                .body("cells.find { it.key == 'CITY_DEPARTMENT' }.collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.mean",
                        equalTo(3.0f));
        staff(STAFF1).queryParam("fiscalYear", year).queryParam("by", "FORM").queryParam("field", "ENVIRONMENT")
                .get("/api/evaluations/statistics").then().statusCode(200)
                .body("cells", hasSize(1)).body("cells[0].key", equalTo("AGREEMENT")).body("cells[0].cases", equalTo(1));
    }

    @Test
    void unknownDimensionsAreRefused() {
        anonymous().queryParam("by", "COLOUR").get("/api/evaluations/statistics").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("by"));
        anonymous().queryParam("fiscalYear", "R9").get("/api/evaluations/statistics").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("fiscalYear"));
    }
}
