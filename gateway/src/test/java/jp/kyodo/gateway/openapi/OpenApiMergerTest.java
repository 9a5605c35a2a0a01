package jp.kyodo.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.kyodo.gateway.openapi.OpenApiMerger.Source;

class OpenApiMergerTest {

    private static Source yaml(String service, String text) {
        return new Source(service, OpenApiDocuments.parse(text));
    }

    private static final String DIRECTORY = """
            openapi: 3.1.0
            info: {title: directory, version: "1"}
            tags: [{name: Organizations}]
            paths:
              /api/directory/organizations:
                post:
                  operationId: registerOrganization
                  responses:
                    "201":
                      description: created
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Organization"}
                    "400":
                      description: bad
                      content:
                        application/problem+json:
                          schema: {$ref: "#/components/schemas/Problem"}
                get:
                  responses: {"200": {description: ok}}
            components:
              schemas:
                Organization:
                  type: object
                  properties: {id: {type: string}, name: {type: string}}
                Problem:
                  type: object
                  properties: {type: {type: string}, status: {type: integer}}
              securitySchemes:
                bearerAuth: {type: http, scheme: bearer}
            """;

    /** Same Problem as directory; its own, different, Organization used directly and through Party. */
    private static final String AGREEMENTS = """
            openapi: 3.1.0
            info: {title: agreements, version: "1"}
            tags: [{name: Agreements}, {name: Organizations}]
            paths:
              /api/agreements/{id}:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Party"}
                    "404":
                      description: missing
                      content:
                        application/problem+json:
                          schema: {$ref: "#/components/schemas/Problem"}
            components:
              schemas:
                Organization:
                  type: object
                  properties: {id: {type: string}, role: {type: string}}
                Party:
                  type: object
                  properties:
                    organization: {$ref: "#/components/schemas/Organization"}
                    organizationName: {$ref: "#/components/schemas/Organization/properties/role"}
                  discriminator:
                    propertyName: kind
                    mapping: {org: "#/components/schemas/Organization", bare: Organization}
                Problem:
                  type: object
                  properties: {type: {type: string}, status: {type: integer}}
              securitySchemes:
                bearerAuth: {type: http, scheme: bearer}
            """;

    @Test
    void unionOfPathsTagsAndSecuritySchemes() {
        ObjectNode merged = OpenApiMerger.merge("9.9", List.of(yaml("directory", DIRECTORY), yaml("agreements", AGREEMENTS)));

        assertEquals("3.1.0", merged.path("openapi").asText());
        assertEquals("kyodo API", merged.path("info").path("title").asText());
        assertEquals("9.9", merged.path("info").path("version").asText());
        assertEquals("/", merged.path("servers").path(0).path("url").asText());
        assertEquals(List.of("/api/agreements/{id}", "/api/directory/organizations"), names(merged.path("paths")));
        assertEquals(List.of("Agreements", "Organizations"), merged.path("tags").findValuesAsText("name"));
        assertEquals(List.of("bearerAuth"), names(merged.path("components").path("securitySchemes")));
    }

    @Test
    void identicalSchemasAreKeptOnce() {
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("agreements", AGREEMENTS)));
        JsonNode schemas = merged.path("components").path("schemas");
        assertTrue(schemas.has("Problem"));
        assertFalse(schemas.has("AgreementsProblem"));
        assertEquals("#/components/schemas/Problem",
                merged.at("/paths/~1api~1agreements~1{id}/get/responses/404/content/application~1problem+json/schema/$ref").asText());
    }

    @Test
    void clashingSchemaOfTheLaterServiceIsRenamedAndItsReferencesFollow() {
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("agreements", AGREEMENTS)));
        JsonNode schemas = merged.path("components").path("schemas");

        assertEquals(List.of("AgreementsOrganization", "Organization", "Party", "Problem"), names(schemas));
        assertTrue(schemas.path("Organization").path("properties").has("name"), "the first service keeps the name");
        assertTrue(schemas.path("AgreementsOrganization").path("properties").has("role"));

        JsonNode party = schemas.path("Party");
        assertEquals("#/components/schemas/AgreementsOrganization", party.at("/properties/organization/$ref").asText());
        assertEquals("#/components/schemas/AgreementsOrganization/properties/role",
                party.at("/properties/organizationName/$ref").asText());
        assertEquals("#/components/schemas/AgreementsOrganization", party.at("/discriminator/mapping/org").asText());
        assertEquals("AgreementsOrganization", party.at("/discriminator/mapping/bare").asText());
        // The first service's operations still point at its own Organization.
        assertEquals("#/components/schemas/Organization", merged.at(
                "/paths/~1api~1directory~1organizations/post/responses/201/content/application~1json/schema/$ref").asText());
    }

    @Test
    void aSchemaThatOnlyDiffersThroughARenamedReferenceIsRenamedToo() {
        String first = """
                openapi: 3.1.0
                paths:
                  /a: {get: {responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Cost"}}}}}}}
                components:
                  schemas:
                    Money: {type: integer}
                    Cost: {properties: {amount: {$ref: "#/components/schemas/Money"}}}
                """;
        String second = """
                openapi: 3.1.0
                paths:
                  /b: {get: {responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Cost"}}}}}}}
                components:
                  schemas:
                    Money: {type: string}
                    Cost: {properties: {amount: {$ref: "#/components/schemas/Money"}}}
                """;
        JsonNode schemas = OpenApiMerger.merge("1", List.of(yaml("a", first), yaml("b", second)))
                .path("components").path("schemas");
        assertEquals(List.of("BCost", "BMoney", "Cost", "Money"), names(schemas));
        assertEquals("#/components/schemas/BMoney", schemas.at("/BCost/properties/amount/$ref").asText());
        assertEquals("#/components/schemas/Money", schemas.at("/Cost/properties/amount/$ref").asText());
    }

    @Test
    void anOperationWithoutProblemAnswersGetsTheOnesItsShapeCanGive() {
        String service = """
                openapi: 3.1.0
                paths:
                  /api/things/{id}:
                    get: {responses: {"200": {description: ok}}}
                    put:
                      parameters: [{name: If-Match, in: header, required: true, schema: {type: string}}]
                      requestBody: {content: {application/json: {schema: {type: object}}}}
                      responses: {"200": {description: ok}, "400": {description: Bad Request}}
                  /api/things/public:
                    get: {responses: {"200": {description: ok}}}
                """;
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("things", service), yaml("directory", DIRECTORY)));
        JsonNode paths = merged.path("paths");
        assertEquals(List.of("200", "400", "401", "403", "404", "429", "503", "default"),
                names(paths.at("/~1api~1things~1{id}/get/responses")));
        assertEquals(List.of("200", "400", "401", "403", "404", "409", "412", "428", "429", "503", "default"),
                names(paths.at("/~1api~1things~1{id}/put/responses")));
        assertEquals("#/components/responses/BadRequest", paths.at("/~1api~1things~1{id}/put/responses/400/$ref").asText(),
                "the bare 400 becomes the problem answer");
        assertEquals(List.of("200", "401", "429", "503", "default"), names(paths.at("/~1api~1things~1public/get/responses")),
                "a public read: no 403");
        assertEquals("urn:kyodo:problem:precondition-required",
                merged.at("/components/responses/PreconditionRequired/content/application~1problem+json/example/type").asText());
        // An operation that lists its problem answers already is left as written.
        assertEquals(List.of("201", "400"), names(paths.at("/~1api~1directory~1organizations/post/responses")));
    }

    private static final String ANSWERS = """
            openapi: 3.1.0
            paths:
              /api/things:
                get:
                  responses:
                    "200":
                      description: a page
                      content: {application/json: {schema: {$ref: "#/components/schemas/PageThingView"}}}
                post:
                  requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/ThingRequest"}}}}
                  responses:
                    "201":
                      description: created
                      content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}
            components:
              parameters:
                IfMatch: {name: If-Match, in: header, schema: {type: string}}
              schemas:
                PageThingView:
                  type: object
                  properties:
                    items: {type: array, items: {$ref: "#/components/schemas/Thing"}}
                    nextCursor: {type: [string, "null"]}
                Thing:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string, pattern: "[0-9a-f]{8}"}
                    note: {type: [string, "null"], description: absent when none}
                    period: {type: [object, "null"], anyOf: [{$ref: "#/components/schemas/Period"}, {type: "null"}], description: when}
                    code: {type: string, pattern: "A|B"}
                Period:
                  type: object
                  properties: {start: {type: string, format: date}}
                ThingRequest:
                  type: object
                  properties: {note: {type: string}, name: {type: string, pattern: '\\S'}}
                Unused:
                  type: object
                  properties: {x: {type: string}}
            """;

    @Test
    void answersRequireWhatIsAlwaysThereAndNeverDeclareNull() {
        JsonNode schemas = OpenApiMerger.merge("1", List.of(yaml("things", ANSWERS))).path("components").path("schemas");
        assertEquals(List.of("code", "id"), texts(schemas.at("/Thing/required")));
        assertEquals("string", schemas.at("/Thing/properties/note/type").asText());
        assertEquals("#/components/schemas/Period", schemas.at("/Thing/properties/period/$ref").asText());
        assertEquals("when", schemas.at("/Thing/properties/period/description").asText());
        assertFalse(schemas.at("/Thing/properties/period").toString().contains("null"));
        assertEquals(List.of("start"), texts(schemas.at("/Period/required")));
        assertEquals(List.of("items"), texts(schemas.at("/ThingPage/required")), "the last page has no cursor");
        assertTrue(schemas.at("/ThingRequest/required").isMissingNode(), "requests keep what their service declared");
    }

    @Test
    void pagesAreNamedAfterTheirItemsAndUnusedComponentsLeaveAndPatternsAreAnchored() {
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("things", ANSWERS)));
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals(List.of("Period", "Thing", "ThingPage", "ThingRequest"), names(schemas));
        assertEquals("#/components/schemas/ThingPage",
                merged.at("/paths/~1api~1things/get/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(merged.at("/components/parameters").isMissingNode(), "a parameter nobody refers to is left out");
        assertEquals("^[0-9a-f]{8}$", schemas.at("/Thing/properties/id/pattern").asText());
        assertEquals("^(?:A|B)$", schemas.at("/Thing/properties/code/pattern").asText());
        assertEquals("^[\\s\\S]*\\S[\\s\\S]*$", schemas.at("/ThingRequest/properties/name/pattern").asText(),
                "@NotBlank stays 'has a character that is not white space'");
    }

    @Test
    void everyAnswerDeclaresTheRequestIdAndTheRateLimitItsRetryAfter() {
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("things", ANSWERS)));
        assertEquals("#/components/headers/RequestId",
                merged.at("/paths/~1api~1things/post/responses/201/headers/X-Request-Id/$ref").asText());
        assertEquals("#/components/headers/RetryAfter",
                merged.at("/components/responses/TooManyRequests/headers/Retry-After/$ref").asText());
        assertTrue(merged.at("/components/headers/RequestId/required").asBoolean());
        assertFalse(merged.at("/info/contact/name").asText().isBlank());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    @Test
    void samePathAndMethodInTwoDocumentsIsAnError() {
        String other = """
                openapi: 3.1.0
                paths:
                  /api/directory/organizations:
                    get: {responses: {"200": {description: also mine}}}
                """;
        OpenApiMergeException e = assertThrows(OpenApiMergeException.class,
                () -> OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("intruder", other))));
        assertTrue(e.getMessage().contains("/api/directory/organizations GET"), e.getMessage());
        assertTrue(e.getMessage().contains("directory") && e.getMessage().contains("intruder"), e.getMessage());
    }

    @Test
    void samePathWithOtherMethodsIsMerged() {
        String other = """
                openapi: 3.1.0
                paths:
                  /api/directory/organizations:
                    delete: {responses: {"204": {description: gone}}}
                """;
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("other", other)));
        // Operations in the fixed method order, whatever order the documents listed them in.
        assertEquals(List.of("get", "post", "delete"), names(merged.path("paths").path("/api/directory/organizations")));
    }

    @Test
    void duplicateOperationIdIsAnError() {
        String other = """
                openapi: 3.1.0
                paths:
                  /api/proposals:
                    post: {operationId: registerOrganization, responses: {"201": {description: ok}}}
                """;
        assertThrows(OpenApiMergeException.class,
                () -> OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("proposals", other))));
    }

    @Test
    void differentSecuritySchemeUnderTheSameNameIsAnError() {
        String other = """
                openapi: 3.1.0
                paths: {}
                components:
                  securitySchemes:
                    bearerAuth: {type: apiKey, in: header, name: X-Key}
                """;
        assertThrows(OpenApiMergeException.class,
                () -> OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("other", other))));
    }

    @Test
    void openApi30And31DoNotMix() {
        String old = """
                openapi: 3.0.3
                paths: {}
                """;
        assertThrows(OpenApiMergeException.class,
                () -> OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("old", old))));
        assertThrows(OpenApiMergeException.class,
                () -> OpenApiMerger.merge("1", List.of(yaml("swagger", "swagger: '2.0'\npaths: {}\n"))));
    }

    @Test
    void outputIsDeterministicWhateverTheInputKeyOrder() {
        String reordered = """
                components:
                  securitySchemes:
                    bearerAuth: {scheme: bearer, type: http}
                  schemas:
                    Problem:
                      properties: {status: {type: integer}, type: {type: string}}
                      type: object
                    Organization:
                      properties: {name: {type: string}, id: {type: string}}
                      type: object
                paths:
                  /api/directory/organizations:
                    get:
                      responses: {"200": {description: ok}}
                    post:
                      operationId: registerOrganization
                      responses:
                        "400":
                          description: bad
                          content:
                            application/problem+json:
                              schema: {$ref: "#/components/schemas/Problem"}
                        "201":
                          description: created
                          content:
                            application/json:
                              schema: {$ref: "#/components/schemas/Organization"}
                tags: [{name: Organizations}]
                info: {version: "1", title: directory}
                openapi: 3.1.0
                """;
        String a = OpenApiDocuments.toYaml(OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("agreements", AGREEMENTS))));
        String b = OpenApiDocuments.toYaml(OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("agreements", AGREEMENTS))));
        assertEquals(a, b);

        String c = OpenApiDocuments.toYaml(OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY))));
        String d = OpenApiDocuments.toYaml(OpenApiMerger.merge("1", List.of(yaml("directory", reordered))));
        // Maps of named things are sorted; within a schema or operation the service's own order is kept,
        // so compare as trees there and as text for the top-level layout.
        assertEquals(OpenApiDocuments.parse(c), OpenApiDocuments.parse(d));
        assertEquals(topLevelKeys(c), topLevelKeys(d));
        assertEquals(List.of("openapi", "info", "servers", "tags", "paths", "components"), topLevelKeys(c));
    }

    @Test
    void yamlOutputReadsBackToTheSameTreeWithStringStatusCodes() {
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("agreements", AGREEMENTS)));
        String text = OpenApiDocuments.toYaml(merged);
        assertTrue(text.contains("\"201\":"), text);
        assertTrue(text.startsWith("openapi: 3.1.0\n") || text.startsWith("openapi: \"3.1.0\"\n"), text);
        assertEquals(merged, OpenApiDocuments.parse(text));
    }

    @Test
    void jsonInputIsAccepted() {
        String json = """
                {"openapi": "3.1.0", "paths": {"/api/evaluations": {"get": {"responses": {"200": {"description": "ok"}}}}}}
                """;
        ObjectNode merged = OpenApiMerger.merge("1", List.of(yaml("directory", DIRECTORY), yaml("evaluations", json)));
        assertTrue(merged.path("paths").has("/api/evaluations"));
    }

    @Test
    void samplesMergeAndTheMainWritesTheFile(@TempDir Path dir) throws Exception {
        Path samples = Path.of("src/test/resources/openapi-samples");
        Path out = dir.resolve("merged/openapi.yaml");
        List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--api-version", "0.1.0"));
        for (String service : List.of("directory", "proposals", "agreements", "evaluations")) {
            args.add(service + "=" + samples.resolve(service + ".yaml"));
        }
        OpenApiMerger.main(args.toArray(String[]::new));

        JsonNode merged = OpenApiDocuments.read(out);
        assertEquals(7, merged.path("paths").size());
        assertEquals(List.of("Agreement", "Evaluation", "NewOrganization", "Organization", "OrganizationPage", "Problem",
                "Proposal", "Theme"), names(merged.path("components").path("schemas")));
        String first = Files.readString(out);
        OpenApiMerger.main(args.toArray(String[]::new));
        assertEquals(first, Files.readString(out), "running twice gives the same bytes");
    }

    @Test
    void missingServiceDocumentIsReportedByName(@TempDir Path dir) {
        OpenApiMergeException e = assertThrows(OpenApiMergeException.class, () -> OpenApiMerger.main(new String[] {
                "--out", dir.resolve("o.yaml").toString(), "proposals=" + dir.resolve("nope.yaml") }));
        assertTrue(e.getMessage().contains("proposals"), e.getMessage());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> topLevelKeys(String yaml) {
        return names(OpenApiDocuments.parse(yaml));
    }
}
