package jp.kyodo.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the gateway guarantees on every answer, declared once as {@code components.headers} and referred to from each
 * response: {@code X-Request-Id} (the filter that settles it sets it on everything the gateway sends) and
 * {@code Retry-After}, which the rate limit's 429 always carries.
 */
final class GatewayHeaders {

    static final String REQUEST_ID_REF = "#/components/headers/RequestId";
    static final String RETRY_AFTER_REF = "#/components/headers/RetryAfter";

    private GatewayHeaders() {
    }

    static void apply(ObjectNode document) {
        ObjectNode headers = document.with("components").with("headers");
        ObjectNode requestId = headers.putObject("RequestId");
        requestId.put("description", "The request's id: the caller's own when it sent 1 to 128 visible ASCII"
                + " characters, otherwise a new UUID. It is in the service's logs and in the events the request caused");
        requestId.put("required", true);
        requestId.putObject("schema").put("type", "string").put("minLength", 1).put("maxLength", 128);
        ObjectNode retryAfter = headers.putObject("RetryAfter");
        retryAfter.put("description", "Seconds to wait before trying again");
        retryAfter.put("required", true);
        retryAfter.putObject("schema").put("type", "integer").put("minimum", 0);

        document.path("components").path("responses").forEach(GatewayHeaders::addRequestId);
        document.path("paths").forEach(item -> item.fields().forEachRemaining(e -> {
            if (OpenApiMerger.METHODS.contains(e.getKey())) {
                e.getValue().path("responses").forEach(GatewayHeaders::addRequestId);
            }
        }));
    }

    private static void addRequestId(JsonNode response) {
        if (response instanceof ObjectNode object && !object.has("$ref")) {
            ObjectNode headers = object.with("headers");
            if (!headers.has("X-Request-Id")) {
                headers.putObject("X-Request-Id").put("$ref", REQUEST_ID_REF);
            }
        }
    }
}
