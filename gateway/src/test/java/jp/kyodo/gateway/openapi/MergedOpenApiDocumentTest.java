package jp.kyodo.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committed merged document is what partner systems generate their clients from: every operation must have a
 * summary, a description and a unique operationId that reads as a verb of the domain (method names of generated
 * clients), every property of every schema a description, every answer's object schema the properties it always
 * carries as required and no null type, every model a name of its own, every paging limit and date its constraint,
 * every operation its problem answers, and the OAuth2 flows of the realm must be declared.
 */
class MergedOpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode document = OpenApiDocuments.read(Path.of("src/main/resources/META-INF/openapi.yaml"));

    @Test
    void everyOperationHasASummaryAndAUniqueOperationId() {
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        operations((where, operation) -> {
            if (operation.path("summary").asText("").isBlank()) {
                problems.add(where + ": no summary");
            }
            String id = operation.path("operationId").asText("");
            if (id.isBlank()) {
                problems.add(where + ": no operationId");
            } else if (ids.putIfAbsent(id, where) != null) {
                problems.add(where + ": operationId " + id + " is also " + ids.get(id) + "'s");
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(ids.size() > 100, "the services' operations are all there");
    }

    @Test
    void operationIdsReadAsVerbsOfTheDomainAndEveryOperationIsDescribed() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> {
            String id = operation.path("operationId").asText("");
            // Reads are get/list/search/find/export/download; no second word for the same (no read, fetch, show).
            if (!id.matches("(list|get|create|register|add|remove|update|edit|submit|open|close|complete|terminate|"
                    + "record|file|sign|publish|decide|withdraw|revise|post|change|search|export|compare|renew|"
                    + "approve|attach|download|verify|request|answer|find|appoint|establish|declare|schedule|"
                    + "share|comment|draft|report|inspect|invoice|pay|fix|cancel|return|rotate|mark)[A-Z][A-Za-z]+")) {
                problems.add(where + ": operationId " + id + " does not read as a domain verb");
            }
            if (operation.path("description").asText("").isBlank()) {
                problems.add(where + ": no description");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void modelNamesAreMeaningfulOnTheirOwn() {
        List<String> vague = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            // A resource's plural and a verb (OrganizationsCreateRequest) say nothing on their own; goods has no singular.
            if (name.matches("Found|Kind|Change|Target|Version|Item|Line|Plan|Round|Party|Page.*|.*View|"
                    + "(?!Goods)[A-Z][a-z]+s[A-Z].*Request")) {
                vague.add(name);
            }
        });
        assertEquals(List.of(), vague);
    }

    @Test
    void answersRequireWhatTheyAlwaysCarryAndNeverDeclareNull() {
        List<String> problems = new ArrayList<>();
        var answers = AbsentIsOmitted.answerSchemas(document);
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode properties = schema.getValue().path("properties");
            if (answers.contains(schema.getKey()) && properties.size() > 0 && !schema.getValue().has("required")) {
                problems.add(schema.getKey() + ": no required properties");
            }
            properties.fields().forEachRemaining(property -> {
                if (property.getValue().toString().contains("\"null\"")) {
                    problems.add(schema.getKey() + "." + property.getKey() + ": declares null");
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theConstraintsTheServicesEnforceAreDeclared() {
        List<String> problems = new ArrayList<>();
        operations((where, operation) -> operation.path("parameters").forEach(parameter -> {
            JsonNode resolved = parameter.has("$ref")
                    ? document.at(parameter.get("$ref").asText().substring(1))
                    : parameter;
            JsonNode schema = resolved.path("schema").has("$ref")
                    ? document.at(resolved.path("schema").get("$ref").asText().substring(1))
                    : resolved.path("schema");
            switch (resolved.path("name").asText()) {
                case "limit" -> {
                    if (schema.path("minimum").asInt(0) != 1 || schema.path("maximum").asInt(0) != 100) {
                        problems.add(where + ": limit is not declared 1 to 100");
                    }
                }
                case "Idempotency-Key" -> {
                    if (schema.path("maxLength").asInt(0) != 255) {
                        problems.add(where + ": Idempotency-Key has no maxLength 255");
                    }
                }
                case "fiscalYear" -> {
                    if (!"integer".equals(schema.path("type").asText()) || schema.path("minimum").asInt() != 2000) {
                        problems.add(where + ": fiscalYear is not the FiscalYear integer");
                    }
                }
                case "field", "status", "type", "state" -> {
                    if (!schema.has("enum")) {
                        problems.add(where + ": " + resolved.path("name").asText() + " is not an enum");
                    }
                }
                default -> {
                }
            }
            if (!parameter.has("$ref") && resolved.path("in").asText().equals("header")
                    && resolved.path("name").asText().matches("If-Match|Idempotency-Key")) {
                problems.add(where + ": " + resolved.path("name").asText() + " is documented inline, not shared");
            }
        }));
        List<String> patterns = new ArrayList<>();
        collectPatterns(document, patterns);
        patterns.stream().filter(p -> !p.startsWith("^") || !p.endsWith("$")).forEach(p -> problems.add("pattern " + p
                + " is not anchored"));
        assertEquals(List.of(), problems);
    }

    @Test
    void responseHeadersAClientActsOnAreDeclared() {
        JsonNode created = document.at("/paths/~1api~1proposals/post/responses/201/headers");
        assertTrue(created.has("Location") && created.has("ETag"), "a created proposal's Location and ETag");
        assertTrue(document.at("/paths/~1api~1proposals~1{id}/get/responses/200/headers").has("ETag"));
        assertTrue(document.at("/components/responses/TooManyRequests/headers").has("Retry-After"));
        operations((where, operation) -> operation.path("responses").forEach(response -> {
            if (!response.has("$ref")) {
                assertTrue(response.path("headers").has("X-Request-Id"), where + ": every answer has X-Request-Id");
            }
        }));
        assertTrue(document.path("info").path("contact").has("name"));
    }

    private static void collectPatterns(JsonNode node, List<String> patterns) {
        if (node.isObject() && node.path("pattern").isTextual()) {
            patterns.add(node.get("pattern").asText());
        }
        node.forEach(child -> collectPatterns(child, patterns));
    }

    @Test
    void noSchemaNameWasMadeUniqueByANumber() {
        // SmallRye appends a digit when two classes of one service take the same schema name; clients would get
        // classes such as BudgetLine1. Such classes must be given names of their own.
        List<String> numbered = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches(".*[A-Za-z]\\d+")) {
                numbered.add(name);
            }
        });
        assertEquals(List.of(), numbered);
    }

    @Test
    void everyParameterHasASchema() {
        List<String> without = new ArrayList<>();
        operations((where, operation) -> operation.path("parameters").forEach(parameter -> {
            if (!parameter.has("$ref") && !parameter.has("schema") && !parameter.has("content")) {
                without.add(where + " " + parameter.path("name").asText());
            }
        }));
        assertEquals(List.of(), without);
    }

    @Test
    void everySchemaPropertyIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> schema.getValue()
                .path("properties").fields().forEachRemaining(property -> {
                    if (property.getValue().path("description").asText("").isBlank()) {
                        undescribed.add(schema.getKey() + "." + property.getKey());
                    }
                }));
        assertEquals(List.of(), undescribed);
    }

    @Test
    void everyOperationListsItsProblemAnswers() {
        List<String> without = new ArrayList<>();
        operations((where, operation) -> {
            boolean any = false;
            for (var response : (Iterable<Map.Entry<String, JsonNode>>) operation.path("responses")::fields) {
                JsonNode answer = response.getValue();
                String ref = answer.path("$ref").asText("");
                if (response.getKey().matches("[45]\\d\\d") && (answer.path("content").has("application/problem+json")
                        || document.at("/components/responses/" + ref.substring(ref.lastIndexOf('/') + 1))
                                .path("content").has("application/problem+json"))) {
                    any = true;
                }
            }
            if (!any) {
                without.add(where);
            }
        });
        assertEquals(List.of(), without);
    }

    @Test
    void oauth2ClientCredentialsAndAuthorizationCodeFlowsAgainstTheRealm() {
        JsonNode scheme = document.path("components").path("securitySchemes").path("kyodo-oauth2");
        assertEquals("oauth2", scheme.path("type").asText());
        JsonNode flows = scheme.path("flows");
        assertTrue(flows.path("clientCredentials").path("tokenUrl").asText().endsWith("/realms/kyodo/protocol/openid-connect/token"));
        assertTrue(flows.path("authorizationCode").path("authorizationUrl").asText().endsWith("/realms/kyodo/protocol/openid-connect/auth"));
        assertTrue(flows.path("authorizationCode").path("tokenUrl").asText().endsWith("/realms/kyodo/protocol/openid-connect/token"));
        assertTrue(scheme.path("description").asText().contains("PKCE"));
        assertTrue(document.path("security").findValues("kyodo-oauth2").size() > 0, "the scheme applies to the API");
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            JsonNode operation = path.getValue().get(method);
            if (operation != null) {
                each.accept(method.toUpperCase() + " " + path.getKey(), operation);
            }
        }));
    }
}
