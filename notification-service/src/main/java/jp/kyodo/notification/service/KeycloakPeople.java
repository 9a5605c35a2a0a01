package jp.kyodo.notification.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.DefaultBean;

/**
 * Reads people from Keycloak's admin API as the service account of client {@code kyodo.keycloak.client-id} (realm
 * management role {@code view-users}). Answers are kept a minute, so a sweep over many tasks asks once per person.
 */
@ApplicationScoped
@DefaultBean
public class KeycloakPeople implements People {

    private static final Duration KEEP = Duration.ofMinutes(1);

    @ConfigProperty(name = "kyodo.keycloak.url")
    String url;

    @ConfigProperty(name = "kyodo.keycloak.realm")
    String realm;

    @ConfigProperty(name = "kyodo.keycloak.client-id")
    String clientId;

    @ConfigProperty(name = "kyodo.keycloak.client-secret")
    String clientSecret;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Kept<Optional<Person>>> people = new ConcurrentHashMap<>();
    private final Map<String, Kept<List<String>>> roles = new ConcurrentHashMap<>();
    private volatile Kept<String> token;

    private record Kept<T>(T value, Instant until) {
        boolean fresh() {
            return Instant.now().isBefore(until);
        }
    }

    @Override
    public Optional<Person> person(String subject) {
        Kept<Optional<Person>> kept = people.get(subject);
        if (kept != null && kept.fresh()) {
            return kept.value();
        }
        String base = "/admin/realms/" + realm + "/users/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        Optional<JsonNode> user = get(base);
        Optional<Person> person = user.map(u -> {
            Set<String> realmRoles = new HashSet<>();
            get(base + "/role-mappings/realm/composite").ifPresent(list -> list.forEach(r -> realmRoles.add(r.path("name").asText())));
            String email = u.path("email").asText(null);
            return new Person(subject, email == null || email.isBlank() ? null : email, Set.copyOf(realmRoles));
        });
        people.put(subject, new Kept<>(person, Instant.now().plus(KEEP)));
        return person;
    }

    @Override
    public List<String> withRealmRole(String role) {
        Kept<List<String>> kept = roles.get(role);
        if (kept != null && kept.fresh()) {
            return kept.value();
        }
        List<String> subjects = new ArrayList<>();
        get("/admin/realms/" + realm + "/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8) + "/users?max=1000")
                .ifPresent(list -> list.forEach(u -> subjects.add(u.path("id").asText())));
        roles.put(role, new Kept<>(List.copyOf(subjects), Instant.now().plus(KEEP)));
        return subjects;
    }

    private Optional<JsonNode> get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Bearer " + token()).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() == 401) {
                token = null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + path);
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() throws IOException, InterruptedException {
        Kept<String> current = token;
        if (current != null && current.fresh()) {
            return current.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the service account's token: " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        Duration life = Duration.ofSeconds(Math.max(10, body.path("expires_in").asLong(60) - 10));
        token = new Kept<>(body.path("access_token").asText(), Instant.now().plus(life));
        return token.value();
    }

}
