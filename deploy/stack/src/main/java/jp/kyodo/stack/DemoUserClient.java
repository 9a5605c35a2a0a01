package jp.kyodo.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON calls to the running system as a demo user (password grant on the CLI client, local use only): what the demo
 * data and the benchmark need to prepare their data.
 */
public final class DemoUserClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> tokens = new HashMap<>();

    public DemoUserClient(String issuer) {
        this.issuer = issuer;
    }

    public record Reply(String request, int status, JsonNode body, String etag, String raw) {
        public Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException(request + " answered " + status + " (expected " + expected + "): "
                        + (raw.length() > 400 ? raw.substring(0, 400) + "…" : raw));
            }
            return this;
        }
    }

    /** A fresh access token of a demo user (password grant of the CLI client). */
    public String token(String user) {
        return tokens.computeIfAbsent(user, this::newToken);
    }

    /** Forgets the cached tokens, so that a long run does not use an expired one. */
    public void refreshTokens() {
        tokens.clear();
    }

    private String newToken(String user) {
        String form = "grant_type=password&client_id=kyodo-cli&username=" + enc(user) + "&password=demo";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token of " + user + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("token of " + user + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    public Reply get(String user, String url) {
        return call(user, "GET", url, null, null);
    }

    public Reply post(String user, String url, Object body) {
        return call(user, "POST", url, body, null);
    }

    public Reply call(String user, String method, String url, Object body, String ifMatch) {
        try {
            HttpRequest.Builder request = request(user, url);
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return send(request, method + " " + url);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        }
    }

    /** POSTs one file as {@code multipart/form-data}, with the text fields before it, as a browser uploads it. */
    public Reply upload(String user, String url, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "kyodo" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(content.length + 1024);
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(user, url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "POST " + url);
    }

    private HttpRequest.Builder request(String user, String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Accept-Language", "ja");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = response.body() == null ? "" : response.body();
            JsonNode json = raw.isBlank() ? JSON.nullNode() : parse(raw);
            return new Reply(what, response.statusCode(), json, response.headers().firstValue("ETag").orElse(null), raw);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(raw);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
