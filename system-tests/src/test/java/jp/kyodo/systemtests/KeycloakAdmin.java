package jp.kyodo.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak's admin REST API at test time (admin/admin on the master realm of the stack's Keycloak): creates the test
 * identities some system tests need beyond the realm's demo users - a city-staff member of another department, a
 * client with a short token lifespan, a client without the {@code kyodo-api} audience - without touching the realm
 * file. Everything created here lives only as long as the run's Keycloak database (wiped per run).
 */
public final class KeycloakAdmin {

    public static final String REALM = "kyodo";
    public static final String API_AUDIENCE = "kyodo-api";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakAdmin() {
    }

    /**
     * A user with the realm role and password {@link SystemUnderTest#DEMO_PASSWORD}, created once (a second call with
     * the same username returns the existing user). Returns the user's id, which is the {@code sub} of its tokens.
     */
    public static synchronized String ensureUser(String username, String realmRole) {
        Optional<String> existing = userId(username);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("firstName", "Test");
        user.put("lastName", username);
        user.put("email", username + "@test.kyodo.invalid");
        user.put("requiredActions", List.of());
        user.put("credentials", List.of(Map.of("type", "password", "value", SystemUnderTest.DEMO_PASSWORD,
                "temporary", false)));
        send("POST", "/users", user, 201);
        String id = userId(username).orElseThrow(() -> new IllegalStateException("user " + username + " not created"));
        JsonNode role = send("GET", "/roles/" + enc(realmRole), null, 200);
        send("POST", "/users/" + id + "/role-mappings/realm",
                List.of(Map.of("id", role.path("id").asText(), "name", role.path("name").asText())), 204);
        return id;
    }

    /**
     * A public client allowing the password grant (like {@code kyodo-cli}), created once. {@code audienceMapper}
     * adds the {@code kyodo-api} audience the way the realm's clients do; {@code accessTokenLifespanSeconds}, when
     * not null, overrides the realm's access-token lifespan for this client only.
     */
    public static synchronized void ensurePasswordClient(String clientId, boolean audienceMapper,
            Integer accessTokenLifespanSeconds) {
        JsonNode found = send("GET", "/clients?clientId=" + enc(clientId), null, 200);
        if (found.isArray() && !found.isEmpty()) {
            return;
        }
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("name", "system-test client " + clientId);
        client.put("enabled", true);
        client.put("publicClient", true);
        client.put("protocol", "openid-connect");
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", true);
        client.put("serviceAccountsEnabled", false);
        if (accessTokenLifespanSeconds != null) {
            client.put("attributes", Map.of("access.token.lifespan", accessTokenLifespanSeconds.toString()));
        }
        if (audienceMapper) {
            client.put("protocolMappers", List.of(Map.of(
                    "name", API_AUDIENCE + " audience",
                    "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper",
                    "consentRequired", false,
                    "config", Map.of("included.custom.audience", API_AUDIENCE, "access.token.claim", "true",
                            "id.token.claim", "false", "introspection.token.claim", "true"))));
        }
        send("POST", "/clients", client, 201);
    }

    /** A fresh access token (never cached) of a user through a password-grant client, with its {@code expires_in}. */
    public static TokenResponse passwordToken(String clientId, String username) {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username) + "&password="
                + enc(SystemUnderTest.DEMO_PASSWORD) + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(SystemUnderTest.issuerUrl()
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode body = exchange(request, 200);
        return new TokenResponse(body.path("access_token").asText(), body.path("expires_in").asLong());
    }

    public record TokenResponse(String accessToken, long expiresInSeconds) {
    }

    private static Optional<String> userId(String username) {
        JsonNode users = send("GET", "/users?exact=true&username=" + enc(username), null, 200);
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                return Optional.of(user.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private static JsonNode send(String method, String path, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.keycloakUrl()
                            + "/admin/realms/" + REALM + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return exchange(request.build(), expected);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin " + method + " " + path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode exchange(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + " (expected " + expected + "): " + response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The master realm's admin token (cached by {@link Tokens} until shortly before it expires). */
    private static String adminToken() {
        return Tokens.password(SystemUnderTest.keycloakUrl() + "/realms/master", "admin-cli", "admin", "admin");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
