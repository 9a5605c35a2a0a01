package jp.kyodo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * The merged OpenAPI document (gateway/src/main/resources/META-INF/openapi.yaml) as a check on every answer the
 * system tests receive: the status must be documented for the operation, every header the document calls required
 * must be there, the headers a client acts on (ETag, Location, Retry-After) must be documented where they appear, the
 * media type must be documented, and a JSON body must validate against the response's schema (OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, checked with formats asserted). A partner system's generated client trusts exactly this.
 *
 * <p>Attached to every REST Assured request ({@link #FILTER}, installed by {@link SystemUnderTest}); tests that send
 * requests with the JDK's client call {@link #check}. Paths the document does not describe (/q/..., the AsyncAPI file)
 * are not checked.
 */
public final class OpenApiContract {

    /** Fails the request's test with every difference between the answer and the document. */
    public static final Filter FILTER = new Filter() {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            Response answer = context.next(request, response);
            String path = pathOf(request.getURI());
            check(request.getMethod(), path, answer.getStatusCode(), answer.getHeaders().asList().stream()
                    .collect(java.util.stream.Collectors.groupingBy(h -> h.getName().toLowerCase(Locale.ROOT),
                            java.util.stream.Collectors.mapping(io.restassured.http.Header::getValue,
                                    java.util.stream.Collectors.toList()))),
                    answer.asByteArray());
            return answer;
        }
    };

    /** The path of a request URI as REST Assured built it (query values may still hold characters URI refuses). */
    static String pathOf(String uri) {
        int authority = uri.indexOf("://");
        int slash = authority < 0 ? 0 : uri.indexOf('/', authority + 3);
        String path = slash < 0 ? "/" : uri.substring(slash);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Headers a client acts on: where they are sent, the document must say so. */
    private static final Set<String> ACTIONABLE_HEADERS = Set.of("etag", "location", "retry-after");

    private static final String DOCUMENT_URI = "https://kyodo.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong CHECKED = new AtomicLong();

    private static volatile OpenApiContract instance;

    private final JsonNode document;
    private final byte[] documentJson;
    private final List<OperationPath> paths = new ArrayList<>();
    private final JsonSchemaFactory schemas;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private record OperationPath(String template, Pattern pattern, JsonNode item) {
    }

    OpenApiContract(JsonNode document) {
        this.document = document;
        try {
            this.documentJson = JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            paths.add(new OperationPath(entry.getKey(), templatePattern(entry.getKey()), entry.getValue()));
        }
        // Literal segments win over parameters (/api/proposals/themes before /api/proposals/{id}).
        paths.sort((a, b) -> Long.compare(literalLength(b.template()), literalLength(a.template())));
        this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.add(iri -> DOCUMENT_URI.equals(iri.toString())
                        ? () -> new java.io.ByteArrayInputStream(documentJson)
                        : null)));
    }

    /** The committed merged document, read once per run. */
    public static OpenApiContract merged() {
        if (instance == null) {
            synchronized (OpenApiContract.class) {
                if (instance == null) {
                    Path repo = Path.of(System.getProperty("kyodo.repo.root", "..")).toAbsolutePath().normalize();
                    instance = new OpenApiContract(read(repo.resolve("gateway/src/main/resources/META-INF/openapi.yaml")));
                }
            }
        }
        return instance;
    }

    static JsonNode read(Path file) {
        try {
            return new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Answers checked so far in this JVM. */
    public static long checkedCount() {
        return CHECKED.get();
    }

    /**
     * With {@code -Dkyodo.openapi.contract=report} every difference is printed (lines starting "OpenAPI contract:")
     * and none fails its test, so that one run shows all of them; without it, the first fails its test.
     */
    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("kyodo.openapi.contract"));

    /** Throws an {@link AssertionError} naming each difference between the answer and the merged document. */
    public static void check(String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
        List<String> violations = merged().violations(method, path, status, headers, body);
        if (!violations.isEmpty() && REPORT_ONLY) {
            System.err.println("OpenAPI contract: " + method.toUpperCase(Locale.ROOT) + " " + path + " (" + status
                    + "): " + String.join("; ", violations));
        } else if (!violations.isEmpty()) {
            throw new AssertionError("The answer to " + method.toUpperCase(Locale.ROOT) + " " + path + " (" + status
                    + ") is not as the OpenAPI document says:\n  - " + String.join("\n  - ", violations)
                    + "\n  body: " + preview(body));
        }
    }

    /** The differences; empty when the answer is as documented or the path is not one the document describes. */
    List<String> violations(String method, String path, int status, Map<String, List<String>> headers, byte[] body) {
        Optional<OperationPath> match = paths.stream().filter(p -> p.pattern().matcher(path).matches()).findFirst();
        String verb = method.toLowerCase(Locale.ROOT);
        if (match.isEmpty() || !match.get().item().has(verb)) {
            return List.of();
        }
        CHECKED.incrementAndGet();
        String operationPointer = "/paths/" + escape(match.get().template()) + "/" + verb;
        JsonNode responses = document.at(operationPointer + "/responses");
        String statusKey = Integer.toString(status);
        String responsePointer;
        if (responses.has(statusKey)) {
            responsePointer = operationPointer + "/responses/" + statusKey;
        } else if (responses.has("default") && status >= 400) {
            responsePointer = operationPointer + "/responses/default";
        } else {
            return List.of("status " + status + " is not documented (documented: " + fieldNames(responses) + ")");
        }
        responsePointer = dereference(responsePointer);
        JsonNode response = document.at(responsePointer);
        List<String> violations = new ArrayList<>();
        checkHeaders(response, headers, violations);
        boolean hasBody = body != null && body.length > 0;
        if (!hasBody) {
            if (response.path("content").size() > 0 && status != 304 && !"head".equals(verb)) {
                violations.add("the body is empty, the document promises " + fieldNames(response.path("content")));
            }
            return violations;
        }
        String contentType = first(headers, "content-type").map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
        JsonNode content = response.path("content");
        String mediaKey = content.has(contentType) ? contentType : content.has("*/*") ? "*/*" : null;
        if (mediaKey == null) {
            violations.add("content type '" + contentType + "' is not documented (documented: " + fieldNames(content)
                    + ")");
            return violations;
        }
        JsonNode mediaType = content.get(mediaKey);
        if (mediaType.has("schema") && (contentType.equals("application/json") || contentType.endsWith("+json"))) {
            String schemaPointer = responsePointer + "/content/" + escape(mediaKey) + "/schema";
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                violations.add("the body is not JSON: " + e.getMessage());
                return violations;
            }
            for (ValidationMessage message : schema(schemaPointer).validate(json)) {
                violations.add(message.getInstanceLocation() + ": " + message.getMessage());
            }
        }
        return violations;
    }

    private void checkHeaders(JsonNode response, Map<String, List<String>> headers, List<String> violations) {
        JsonNode declared = response.path("headers");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        declared.fields().forEachRemaining(e -> byName.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        byName.forEach((name, header) -> {
            JsonNode resolved = header.has("$ref") ? document.at(header.get("$ref").asText().substring(1)) : header;
            if (resolved.path("required").asBoolean(false) && first(headers, name).isEmpty()) {
                violations.add("header " + name + " is documented as always sent but is missing");
            }
        });
        for (String name : ACTIONABLE_HEADERS) {
            if (first(headers, name).isPresent() && !byName.containsKey(name)) {
                violations.add("header " + name + " is sent but not documented for this answer");
            }
        }
    }

    private JsonSchema schema(String pointer) {
        return compiled.computeIfAbsent(pointer,
                p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + p), config));
    }

    /** Follows a response given as {@code $ref} to {@code components.responses}. */
    private String dereference(String pointer) {
        JsonNode node = document.at(pointer);
        return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    private static Pattern templatePattern(String template) {
        Matcher parameter = Pattern.compile("\\{[^}]+}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("[^/]+");
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static long literalLength(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    /** JSON Pointer escaping of one reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String preview(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
