package jp.kyodo.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.gateway.openapi.OpenApiDocuments;
import jp.kyodo.gateway.openapi.OpenApiMerger;
import jp.kyodo.stack.ServiceSpec;

/**
 * The gateway serves one OpenAPI document for the whole API, merged from the four services' documents: client
 * generators for partner systems read it. It must list every operation the running services serve.
 */
@ExtendWith(SystemUnderTest.class)
class MergedOpenApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static final List<String> GATEWAY_OWN_PATHS = List.of("/api/cases/");

    private static final Map<String, String> PREFIX_OF_SERVICE = Map.of(
            ServiceSpec.DIRECTORY, "/api/directory",
            ServiceSpec.PROPOSALS, "/api/proposals",
            ServiceSpec.AGREEMENTS, "/api/agreements",
            ServiceSpec.EVALUATIONS, "/api/evaluations",
            ServiceSpec.NOTIFICATIONS, "/api/notifications");

    @Test
    void theMergedDocumentListsOperationsOfAllFourServices() throws IOException {
        Set<String> merged = operations(document(SystemUnderTest.gatewayUrl()));
        for (String prefix : PREFIX_OF_SERVICE.values()) {
            assertTrue(merged.stream().anyMatch(op -> op.split(" ")[1].startsWith(prefix + "/")
                            || op.split(" ")[1].equals(prefix)),
                    "the merged OpenAPI at the gateway has no operation under " + prefix + "; it has " + merged);
        }
        // Swagger UI is served next to it.
        given().baseUri(SystemUnderTest.gatewayUrl()).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theMergedDocumentHasEveryOperationTheRunningServicesServe() throws IOException {
        Set<String> merged = operations(document(SystemUnderTest.gatewayUrl()));
        Set<String> missing = new TreeSet<>();
        Set<String> served = new TreeSet<>();
        for (String service : PREFIX_OF_SERVICE.keySet()) {
            Set<String> ofService = operations(document(SystemUnderTest.serviceUrl(service)));
            assertFalse(ofService.isEmpty(), service + " serves no operation in its OpenAPI document");
            served.addAll(ofService);
            ofService.stream().filter(op -> !merged.contains(op)).forEach(missing::add);
        }
        Set<String> extra = new TreeSet<>(merged);
        extra.removeAll(served);
        // The gateway's own operations (case dossier, my tasks) are served by the gateway itself.
        extra.removeIf(op -> GATEWAY_OWN_PATHS.stream().anyMatch(prefix -> op.split(" ")[1].startsWith(prefix)));
        assertEquals(List.of(), List.copyOf(missing),
                "operations the services serve but the gateway's merged OpenAPI (gateway/src/main/resources/META-INF/"
                        + "openapi.yaml, regenerated with ./mvnw -f gateway/pom.xml -Popenapi-merge process-classes) "
                        + "lacks (" + missing.size() + " of " + served.size() + ")");
        assertEquals(List.of(), List.copyOf(extra), "operations in the merged OpenAPI that no service serves");
    }

    /**
     * Generated clients name their methods after operationIds and expect the success statuses the document lists:
     * the merged document must say what the running services say.
     */
    @Test
    void theMergedDocumentHasTheRunningServicesOperationIdsAndSuccessStatuses() throws IOException {
        Map<String, String> merged = signatures(document(SystemUnderTest.gatewayUrl()));
        Map<String, String> served = new java.util.TreeMap<>();
        for (String service : PREFIX_OF_SERVICE.keySet()) {
            served.putAll(signatures(document(SystemUnderTest.serviceUrl(service))));
        }
        Map<String, String> drifted = new java.util.TreeMap<>();
        served.forEach((operation, signature) -> {
            if (!signature.equals(merged.get(operation))) {
                drifted.put(operation, "served " + signature + ", merged " + merged.get(operation));
            }
        });
        assertEquals(Map.of(), drifted, "regenerate the merged OpenAPI (gateway/README.md)");
    }

    /**
     * The committed merged document is, to the last property, the merge of the documents the services' builds wrote
     * in this reactor: a change to an operation, a schema or a filter cannot reach the services without reaching the
     * document that clients are generated from.
     */
    @Test
    void theMergedDocumentIsTheMergeOfTheServicesDocuments() {
        Path root = Path.of("..");
        JsonNode committed = OpenApiDocuments.read(root.resolve("gateway/src/main/resources/META-INF/openapi.yaml"));
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        // The order of gateway/pom.xml's openapi-merge profile: it decides which schema a name clash renames.
        for (Map.Entry<String, String> service : List.of(Map.entry("directory", "directory-service"),
                Map.entry("proposals", "proposal-service"), Map.entry("agreements", "agreement-service"),
                Map.entry("evaluations", "evaluation-service"), Map.entry("notifications", "notification-service"))) {
            sources.add(new OpenApiMerger.Source(service.getKey(),
                    OpenApiDocuments.read(root.resolve(service.getValue() + "/target/openapi/openapi.yaml"))));
        }
        sources.add(new OpenApiMerger.Source("gateway",
                OpenApiDocuments.read(root.resolve("gateway/src/main/openapi/gateway.yaml"))));
        JsonNode merged = OpenApiMerger.merge(committed.path("info").path("version").asText(), sources);
        List<String> differences = new ArrayList<>();
        differences("", merged, committed, differences);
        assertTrue(differences.isEmpty(), "the committed merged OpenAPI is stale; regenerate it (./mvnw -B -pl gateway"
                + " -am -Popenapi-merge process-classes after building the services). " + differences.size()
                + " differences:\n" + String.join("\n", differences.stream().limit(20).toList()));
    }

    /** JSON pointers at which the two trees differ, with both values. */
    private static void differences(String at, JsonNode expected, JsonNode actual, List<String> found) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(at + "/" + name.replace("~", "~0").replace("/", "~1"), expected.path(name),
                        actual.path(name), found);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                differences(at + "/" + i, expected.get(i), actual.get(i), found);
            }
        } else if (!expected.equals(actual)) {
            found.add(at + ": merged " + abbreviated(expected) + ", committed " + abbreviated(actual));
        }
    }

    private static String abbreviated(JsonNode value) {
        String text = value.isMissingNode() ? "(absent)" : value.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /** "METHOD /path" to "operationId 2xx-statuses" of every operation of the document. */
    private static Map<String, String> signatures(JsonNode document) {
        Map<String, String> signatures = new java.util.TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                Set<String> success = new TreeSet<>();
                method.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                    if (status.startsWith("2")) {
                        success.add(status);
                    }
                });
                signatures.put(method.getKey().toUpperCase() + " " + path.getKey(),
                        method.getValue().path("operationId").asText("(none)") + " " + success);
            }
        }));
        return signatures;
    }

    private static JsonNode document(String baseUrl) throws IOException {
        String body = given().baseUri(baseUrl).accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    /** "METHOD /path" of every operation of the document. */
    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }
}
