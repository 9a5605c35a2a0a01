package jp.kyodo.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kyodo.gateway.cases.CaseDossierRoute;

/**
 * The gateway's own endpoints are described by hand in {@code src/main/openapi/gateway.yaml} and merged into the served
 * document. This keeps the three in step: the routes, the fragment, and the committed merged file.
 */
class GatewayOpenApiFragmentTest {

    private static final JsonNode FRAGMENT = OpenApiDocuments.read(Path.of("src/main/openapi/gateway.yaml"));

    private static JsonNode merged() throws IOException {
        try (InputStream in = GatewayOpenApiFragmentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return OpenApiDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theFragmentDescribesExactlyTheGatewaysRoutes() {
        Set<String> described = new TreeSet<>();
        FRAGMENT.path("paths").fieldNames().forEachRemaining(described::add);
        Set<String> routed = new TreeSet<>();
        for (String route : List.of(CaseDossierRoute.PATH)) {
            routed.add(route.replaceAll(":(\\w+)", "{$1}"));
        }
        assertEquals(routed, described);
    }

    @Test
    void theMergedFileCarriesTheFragmentUnchanged() throws IOException {
        JsonNode merged = merged();
        FRAGMENT.path("paths").fields().forEachRemaining(path -> assertEquals(path.getValue(),
                merged.path("paths").path(path.getKey()),
                "paths." + path.getKey() + " differs from src/main/openapi/gateway.yaml: regenerate the merged document"
                        + " (README: The merged OpenAPI document)"));
        FRAGMENT.path("components").fields().forEachRemaining(section -> section.getValue().fields()
                .forEachRemaining(entry -> assertEquals(entry.getValue(),
                        merged.path("components").path(section.getKey()).path(entry.getKey()),
                        "components." + section.getKey() + "." + entry.getKey() + " differs from the fragment")));
    }

    @Test
    void everyReferenceOfTheFragmentResolvesInTheMergedDocument() throws IOException {
        JsonNode merged = merged();
        List<String> refs = new ArrayList<>();
        collectRefs(FRAGMENT, refs);
        assertTrue(refs.contains("#/components/schemas/Proposal"), refs.toString());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertTrue(!merged.at(ref.substring(1)).isMissingNode(), ref + " does not resolve in the merged document");
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ("$ref".equals(e.getKey()) && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
