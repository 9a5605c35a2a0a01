package jp.kyodo.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The problem+json answers a service operation can give, added to the merged document where the service's own
 * document says nothing about them. The services answer every error with a {@code Problem} through one mapper, and
 * the gateway adds its own edge answers, so which errors an operation can give follows from its shape: 400 when it
 * takes input, 404 when its path names something, 409 for writes (a state that does not allow it), 412/428 when it
 * reads {@code If-Match}, 422 when it honours {@code Idempotency-Key}; 401, 403, 429 and 503 everywhere (403 not on the
 * public reads). Operations that already list a problem answer (the gateway's own) are left as written.
 */
final class ErrorResponses {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Answer(String status, String name, String slug, String description, String example) {
    }

    private static final Answer BAD_REQUEST = new Answer("400", "BadRequest", "validation-failed",
            "The input is not valid (validation-failed, naming each field in errors) or not readable (malformed-request)",
            "The request has invalid fields.");
    private static final Answer UNAUTHENTICATED = new Answer("401", "Unauthenticated", "unauthenticated",
            "The bearer token is not valid, or a write came without one", "A valid access token is required.");
    private static final Answer FORBIDDEN = new Answer("403", "Forbidden", "forbidden",
            "The caller's role or memberships do not allow this", "You may not do this for this organisation.");
    private static final Answer NOT_FOUND = new Answer("404", "NotFound", "not-found",
            "Nothing by that id, or nothing the caller may see", "No such record.");
    private static final Answer CONFLICT = new Answer("409", "Conflict", "invalid-transition",
            "The record's state does not allow this now (invalid-transition or conflict)",
            "This cannot be done in the current state.");
    private static final Answer PRECONDITION_FAILED = new Answer("412", "PreconditionFailed", "precondition-failed",
            "If-Match names a version that is no longer current: read again, then retry",
            "Someone changed this since you read it.");
    private static final Answer IDEMPOTENCY_KEY_REUSED = new Answer("422", "IdempotencyKeyReused",
            "idempotency-key-reused", "The Idempotency-Key was used before with another request body",
            "This Idempotency-Key was used for another request.");
    private static final Answer PRECONDITION_REQUIRED = new Answer("428", "PreconditionRequired",
            "precondition-required", "If-Match is required: send the ETag last read",
            "Send the ETag you read in If-Match.");
    private static final Answer TOO_MANY_REQUESTS = new Answer("429", "TooManyRequests", "too-many-requests",
            "Too many requests from this client at the gateway (see Retry-After)", "Too many requests.");
    private static final Answer UNAVAILABLE = new Answer("503", "ServiceUnavailable", "upstream-unavailable",
            "The service is down or its circuit breaker is open (see Retry-After)",
            "The service is temporarily unavailable.");

    /** What the edge or the HTTP layer can answer to any request: 405, 406, 413, 414, 415, 431, 502, 504. */
    private static final Answer OTHER = new Answer("default", "OtherProblem", "unsupported-media-type",
            "Any other refusal or failure, always a problem document: e.g. a method the path does not have (405), an"
                    + " Accept or Content-Type the operation does not take (406, 415), a body, URL or headers too large"
                    + " (413, 414, 431), or a service that did not answer in time (502, 504)",
            "This operation does not take that Content-Type.");

    private static final List<Answer> ALL = List.of(BAD_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT,
            PRECONDITION_FAILED, IDEMPOTENCY_KEY_REUSED, PRECONDITION_REQUIRED, TOO_MANY_REQUESTS, UNAVAILABLE, OTHER);

    private ErrorResponses() {
    }

    /** The shared responses, for {@code components.responses}. */
    static Map<String, JsonNode> components() {
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        for (Answer answer : ALL) {
            ObjectNode response = NODES.objectNode();
            response.put("description", answer.description());
            if (answer == TOO_MANY_REQUESTS) {
                response.putObject("headers").putObject("Retry-After").put("$ref", GatewayHeaders.RETRY_AFTER_REF);
            } else if (answer == UNAVAILABLE) {
                // While a breaker is open or the database is down; not when a connection attempt just failed.
                response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait before"
                        + " trying again, when known").putObject("schema").put("type", "integer").put("minimum", 0);
            }
            ObjectNode media = response.putObject("content").putObject("application/problem+json");
            media.putObject("schema").put("$ref", "#/components/schemas/Problem");
            ObjectNode example = media.putObject("example");
            example.put("type", "urn:kyodo:problem:" + answer.slug());
            example.put("title", answer.example());
            example.put("status", answer == OTHER ? 415 : Integer.parseInt(answer.status()));
            example.put("requestId", "3f0c2a4e-5b7d-4e21-9a0b-6c1d2e3f4a5b");
            responses.put(answer.name(), response);
        }
        return responses;
    }

    /** Adds the answers the operation can give unless it already lists a problem answer; whether it did. */
    static boolean addTo(String path, String method, ObjectNode operation) {
        ObjectNode responses = operation.with("responses");
        if (listsProblem(responses)) {
            return false;
        }
        boolean write = !method.equals("get") && !method.equals("head");
        List<Answer> answers = new ArrayList<>();
        if (operation.has("requestBody") || operation.path("parameters").size() > 0 || path.contains("{")) {
            answers.add(BAD_REQUEST);
        }
        answers.add(UNAUTHENTICATED);
        if (write || !isPublicRead(path)) {
            answers.add(FORBIDDEN);
        }
        if (path.contains("{")) {
            answers.add(NOT_FOUND);
        }
        if (write) {
            answers.add(CONFLICT);
        }
        if (hasHeader(operation, "If-Match")) {
            answers.add(PRECONDITION_FAILED);
            answers.add(PRECONDITION_REQUIRED);
        }
        if (hasHeader(operation, "Idempotency-Key")) {
            answers.add(IDEMPOTENCY_KEY_REUSED);
        }
        answers.add(TOO_MANY_REQUESTS);
        answers.add(UNAVAILABLE);
        answers.add(OTHER);
        for (Answer answer : answers) {
            // SmallRye writes a bare "400 Bad Request" for validated input; the problem answer replaces it.
            responses.set(answer.status(), NODES.objectNode().put("$ref", "#/components/responses/" + answer.name()));
        }
        return true;
    }

    private static boolean listsProblem(JsonNode responses) {
        for (JsonNode response : responses) {
            if (response.has("$ref") || response.path("content").has("application/problem+json")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPublicRead(String path) {
        return path.contains("/public") || path.contains("/open-data/") || path.contains("/published");
    }

    private static boolean hasHeader(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asText()) && name.equalsIgnoreCase(parameter.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
