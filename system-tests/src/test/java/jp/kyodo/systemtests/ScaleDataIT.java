package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import jp.kyodo.bench.ScaleData;

/**
 * The benchmark's scale-data generator, run at a small size on the migrated databases of the system under test: it
 * writes straight into the tables, so a migration that renames a column or adds a required one breaks it here, in the
 * test command, rather than in the next benchmark run. Every list and search the benchmark measures at scale then
 * answers 200 through the gateway and finds the generated records.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.SCALE_DATA)
class ScaleDataIT {

    private static final int PROPOSALS = 1_000;

    @Test
    void theGeneratorFillsTheCurrentSchemaAndEveryMeasuredListFindsItsRecords() throws Exception {
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID template = steps.proposalAwaitingDecision("規模データの見本になる提案");
        assertEquals(200, steps.adopt(template).statusCode());
        Eventually.until("the agreement drafted from the template proposal", Eventually.CROSS_SERVICE,
                () -> CollaborationSteps.agreementsOf(template).size() == 1);

        ScaleData data = new ScaleData(SystemUnderTest.stack(), PROPOSALS, steps.department.toString(),
                steps.npo.toString(), steps.theme.toString(), template.toString());
        Map<String, Object> rows = data.load();
        assertEquals(PROPOSALS, ((Number) rows.get("proposal")).intValue(), "rows written: " + rows);
        for (String table : List.of("agreement_version", "evaluation_round", "self_assessment_score")) {
            assertTrue(((Number) rows.get(table)).longValue() > 0, table + " rows written: " + rows);
        }

        for (ScaleData.Endpoint endpoint : data.endpoints()) {
            var request = endpoint.user() == null ? Gateway.anonymous() : Gateway.as(endpoint.user());
            // The paths come encoded, as the benchmark sends them.
            ExtractableResponse<Response> answer = request.urlEncodingEnabled(false).get(endpoint.path()).then().extract();
            assertEquals(200, answer.statusCode(), endpoint.name() + " " + endpoint.path() + ": " + answer.asString());
            List<Object> items = answer.jsonPath().getList("items");
            assertFalse(items == null || items.isEmpty(), endpoint.name() + " finds generated records: "
                    + answer.asString());
        }
    }
}
