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
 * summary and a unique operationId (method names of generated clients), every property of every schema a description,
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
