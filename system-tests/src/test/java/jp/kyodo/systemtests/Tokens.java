package jp.kyodo.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from Keycloak's token endpoint (cached until a minute before they expire) and their claims. */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    /** Resource owner password grant (the {@code kyodo-cli} client: local and test use only). */
    public static String password(String issuer, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return cached(issuer + "|" + clientId + "|" + username, () -> request(issuer, form, null));
    }

    /** Client credentials grant with the client's secret (HTTP Basic). */
    public static String clientCredentials(String issuer, String clientId, String secret) {
        Map<String, String> form = Map.of("grant_type", "client_credentials");
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
        return cached(issuer + "|" + clientId + "|client_credentials", () -> request(issuer, form, basic));
    }

    /** The decoded payload of a JWT (no signature check: the services do that). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("JWT payload is not JSON", e);
        }
    }

    /** {@code aud} as a list (Keycloak writes a single audience as a string). */
    public static List<String> audiences(JsonNode claims) {
        List<String> result = new ArrayList<>();
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            aud.forEach(a -> result.add(a.asText()));
        } else if (aud.isTextual()) {
            result.add(aud.asText());
        }
        return result;
    }

    /** {@code realm_access.roles}. */
    public static List<String> realmRoles(JsonNode claims) {
        List<String> result = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> result.add(r.asText()));
        return result;
    }

    private interface Fetch {
        JsonNode get() throws IOException, InterruptedException;
    }

    private static String cached(String key, Fetch fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && Instant.now().isBefore(hit.expires())) {
            return hit.token();
        }
        try {
            JsonNode response = fetch.get();
            String token = response.path("access_token").asText();
            long expiresIn = response.path("expires_in").asLong(60);
            CACHE.put(key, new Cached(token, Instant.now().plusSeconds(Math.max(0, expiresIn - 60))));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("token request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode request(String issuer, Map<String, String> form, String basicAuth)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + basicAuth);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
