package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The check every system-test answer passes through finds each kind of gap between an answer and the document. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /api/things/{id}:
                get:
                  responses:
                    '200':
                      description: the thing
                      headers:
                        ETag: {$ref: '#/components/headers/ETag'}
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                    '404': {$ref: '#/components/responses/NotFound'}
              /api/things/mine:
                get:
                  responses:
                    '204': {description: none}
            components:
              headers:
                ETag: {required: true, schema: {type: string}}
              responses:
                NotFound:
                  description: not found
                  content:
                    application/problem+json:
                      schema: {type: object, required: [status], properties: {status: {type: integer}}}
              schemas:
                Thing:
                  type: object
                  required: [id, name]
                  properties:
                    id: {type: string, format: uuid}
                    name: {type: string}
                    note: {type: string}
            """;

    private final OpenApiContract contract = new OpenApiContract(read());

    private static com.fasterxml.jackson.databind.JsonNode read() {
        try {
            return new YAMLMapper().readTree(DOCUMENT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> answer(String path, int status, Map<String, List<String>> headers, String body) {
        return contract.violations("GET", path, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static final Map<String, List<String>> JSON_WITH_ETAG = Map.of("Content-Type",
            List.of("application/json;charset=UTF-8"), "ETag", List.of("\"1\""));

    @Test
    void anAnswerAsDocumentedPasses() {
        assertEquals(List.of(), answer("/api/things/6f1c2b9e-8d3a-4c1e-9b7a-2d5e8f0a1b3c", 200, JSON_WITH_ETAG,
                "{\"id\":\"6f1c2b9e-8d3a-4c1e-9b7a-2d5e8f0a1b3c\",\"name\":\"x\"}"));
        assertEquals(List.of(), answer("/api/things/x", 404, Map.of("Content-Type", List.of("application/problem+json")),
                "{\"status\":404}"));
        assertEquals(List.of(), answer("/api/things/mine", 204, Map.of(), ""));
    }

    @Test
    void aNullWhereTheSchemaSaysStringFails() {
        assertSingle(answer("/api/things/6f1c2b9e-8d3a-4c1e-9b7a-2d5e8f0a1b3c", 200, JSON_WITH_ETAG,
                "{\"id\":\"6f1c2b9e-8d3a-4c1e-9b7a-2d5e8f0a1b3c\",\"name\":\"x\",\"note\":null}"), "/note: null found");
    }

    @Test
    void aMissingRequiredPropertyOrABadFormatFails() {
        assertEquals(2, answer("/api/things/1", 200, JSON_WITH_ETAG, "{\"id\":\"not-a-uuid\"}").size());
    }

    @Test
    void anUndocumentedStatusMediaTypeOrHeaderFails() {
        assertSingle(answer("/api/things/1", 409, Map.of("Content-Type", List.of("application/problem+json")),
                "{\"status\":409}"), "status 409 is not documented");
        assertSingle(answer("/api/things/1", 200, Map.of("Content-Type", List.of("text/csv"), "ETag", List.of("\"1\"")),
                "a,b"), "text/csv");
        assertSingle(answer("/api/things/1", 200, Map.of("Content-Type", List.of("application/json")),
                "{\"id\":\"6f1c2b9e-8d3a-4c1e-9b7a-2d5e8f0a1b3c\",\"name\":\"x\"}"), "etag");
        assertSingle(answer("/api/things/mine", 204, Map.of("Location", List.of("/api/things/1")), ""), "location");
    }

    private static void assertSingle(List<String> violations, String expected) {
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains(expected), violations.get(0));
    }

    @Test
    void pathsTheDocumentDoesNotDescribeAreNotChecked() {
        assertEquals(List.of(), answer("/q/health", 200, Map.of(), "{}"));
    }
}
