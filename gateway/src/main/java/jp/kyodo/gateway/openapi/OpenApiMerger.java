package jp.kyodo.gateway.openapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI 3 documents into the one the gateway serves.
 * <ul>
 * <li>{@code paths}: union; the same path and method in two documents is an error (the gateway could
 * route it to only one of them), as is a repeated {@code operationId}.</li>
 * <li>{@code components.schemas}: union; the same name with the same definition is kept once; with a
 * different definition the later document's schema is renamed with its service's name as prefix
 * ({@code Problem} from proposals becomes {@code ProposalsProblem}) and that document's {@code $ref}s
 * follow. Other component kinds (security schemes, responses, ...) are unioned; a name defined twice
 * differently is an error.</li>
 * <li>{@code tags} and top-level {@code security}: union (the first definition of a tag wins).</li>
 * <li>{@code info} is the gateway's ("kyodo API"), {@code servers} is {@code /} (same origin).</li>
 * <li>An operation that lists no problem answer gets the ones it can give ({@link ErrorResponses}), as references to
 * {@code components.responses}.</li>
 * <li>What the gateway guarantees is declared on every answer ({@link GatewayHeaders}); pages of a model are named
 * after it ({@link PageNames}); answers' schemas require what is always there ({@link AbsentIsOmitted}); patterns are
 * anchored ({@link AnchoredPatterns}); components nothing refers to are left out ({@link UnusedComponents}).</li>
 * </ul>
 * Named things are written in sorted order and operations in a fixed method order, so the output only
 * changes when an input does. Other top-level members (webhooks, externalDocs) are not carried over.
 */
public final class OpenApiMerger {

    /** One service's document; {@code service} names it in messages and renamed schemas. */
    public record Source(String service, JsonNode document) {
    }

    public static final String TITLE = "kyodo API";

    /** Who answers a partner developer's questions about the API. */
    private static final ObjectNode CONTACT = JsonNodeFactory.instance.objectNode()
            .put("name", "The city's collaboration office (協働推進課), which runs kyodo");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> PATH_ITEM_HEAD = List.of("$ref", "summary", "description", "servers", "parameters");

    private final String apiVersion;
    private final List<String> services = new ArrayList<>();
    private String openapiVersion;
    private final Map<String, ObjectNode> paths = new TreeMap<>();
    private final Map<String, String> operationOwners = new HashMap<>();
    private final Map<String, String> operationIds = new HashMap<>();
    private final Map<String, Map<String, JsonNode>> components = new TreeMap<>();
    private final Map<String, String> componentOwners = new HashMap<>();
    private final Map<String, JsonNode> tags = new TreeMap<>();
    private final Map<String, JsonNode> securityRequirements = new TreeMap<>();
    private boolean errorResponsesUsed;
    /** Schemas of documents written by hand ({@code x-required-as-written: true}): they list required themselves. */
    private final java.util.Set<String> requiredAsWritten = new java.util.HashSet<>();

    private OpenApiMerger(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /**
     * The merged document. Sources are taken in the given order: on a schema name clash the later
     * source's schema is the one renamed.
     *
     * @throws OpenApiMergeException when the documents conflict
     */
    public static ObjectNode merge(String apiVersion, List<Source> sources) {
        OpenApiMerger merger = new OpenApiMerger(apiVersion);
        sources.forEach(merger::add);
        return merger.result();
    }

    private void add(Source source) {
        String service = source.service();
        if (!(source.document() instanceof ObjectNode original)) {
            throw new OpenApiMergeException(service + ": not an OpenAPI document");
        }
        ObjectNode document = original.deepCopy();
        checkVersion(service, document);
        services.add(service);
        PageNames.apply(document);
        renameClashingSchemas(service, document);
        if (document.path("x-required-as-written").asBoolean(false)) {
            document.path("components").path("schemas").fieldNames().forEachRemaining(requiredAsWritten::add);
        }
        addComponents(service, document.path("components"));
        addPaths(service, document.path("paths"));
        document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        document.path("security").forEach(requirement -> securityRequirements.put(canonical(requirement), requirement));
    }

    /** 3.0 and 3.1 differ in schema semantics, so all documents must share major.minor. */
    private void checkVersion(String service, ObjectNode document) {
        String version = document.path("openapi").asText("");
        if (!version.startsWith("3.")) {
            throw new OpenApiMergeException(service + ": not an OpenAPI 3 document (openapi: '" + version + "')");
        }
        if (openapiVersion == null) {
            openapiVersion = version;
        } else if (!majorMinor(version).equals(majorMinor(openapiVersion))) {
            throw new OpenApiMergeException(service + ": OpenAPI " + version + " cannot be merged with " + openapiVersion);
        }
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    /**
     * Finds this document's schemas that clash with already merged ones and renames them. Repeats until
     * stable: renaming {@code B} changes every schema that refers to it, which may make an otherwise
     * identical {@code A} differ too.
     */
    private void renameClashingSchemas(String service, ObjectNode document) {
        if (!(document.path("components").path("schemas") instanceof ObjectNode incoming)) {
            return;
        }
        Map<String, JsonNode> merged = components.getOrDefault("schemas", Map.of());
        Map<String, String> renames = new HashMap<>();
        boolean renamedMore;
        do {
            renamedMore = false;
            for (Iterator<String> names = incoming.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (renames.containsKey(name) || !merged.containsKey(name)) {
                    continue;
                }
                JsonNode candidate = incoming.get(name).deepCopy();
                SchemaRefs.rewrite(candidate, renames);
                if (!candidate.equals(merged.get(name))) {
                    renames.put(name, prefixedName(service, name, merged, incoming));
                    renamedMore = true;
                }
            }
        } while (renamedMore);
        if (renames.isEmpty()) {
            return;
        }
        SchemaRefs.rewrite(document, renames);
        ObjectNode renamedSchemas = NODES.objectNode();
        incoming.fields().forEachRemaining(e -> renamedSchemas.set(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        ((ObjectNode) document.get("components")).set("schemas", renamedSchemas);
    }

    private static String prefixedName(String service, String name, Map<String, JsonNode> merged, ObjectNode incoming) {
        String prefixed = pascalCase(service) + name;
        if (merged.containsKey(prefixed) || incoming.has(prefixed)) {
            throw new OpenApiMergeException(service + ": schema " + name + " clashes with another service's, and the"
                    + " name for the renamed copy, " + prefixed + ", is taken too");
        }
        return prefixed;
    }

    /** {@code proposal-service} becomes {@code ProposalService}. */
    static String pascalCase(String service) {
        StringBuilder out = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private void addComponents(String service, JsonNode sections) {
        sections.fields().forEachRemaining(section -> {
            Map<String, JsonNode> target = components.computeIfAbsent(section.getKey(), k -> new TreeMap<>());
            section.getValue().fields().forEachRemaining(entry -> {
                String key = "components." + section.getKey() + "." + entry.getKey();
                JsonNode prior = target.get(entry.getKey());
                if (prior == null) {
                    target.put(entry.getKey(), entry.getValue());
                    componentOwners.put(key, service);
                } else if (!prior.equals(entry.getValue())) {
                    throw new OpenApiMergeException(key + " is defined differently by " + componentOwners.get(key)
                            + " and " + service);
                }
            });
        });
    }

    private void addPaths(String service, JsonNode documentPaths) {
        documentPaths.fields().forEachRemaining(path -> {
            ObjectNode target = paths.computeIfAbsent(path.getKey(), k -> NODES.objectNode());
            path.getValue().fields().forEachRemaining(field -> {
                String name = field.getKey();
                String where = path.getKey() + " " + name.toUpperCase();
                if (METHODS.contains(name)) {
                    if (target.has(name)) {
                        throw new OpenApiMergeException("Duplicate operation " + where + ": defined by "
                                + operationOwners.get(where) + " and " + service);
                    }
                    if (field.getValue() instanceof ObjectNode operation) {
                        errorResponsesUsed |= ErrorResponses.addTo(path.getKey(), name, operation);
                    }
                    target.set(name, field.getValue());
                    operationOwners.put(where, service);
                    checkOperationId(service, where, field.getValue());
                } else {
                    JsonNode prior = target.get(name);
                    if (prior != null && !prior.equals(field.getValue())) {
                        throw new OpenApiMergeException("paths." + path.getKey() + "." + name
                                + " differs between " + service + " and another service");
                    }
                    target.set(name, field.getValue());
                }
            });
        });
    }

    private void checkOperationId(String service, String where, JsonNode operation) {
        String operationId = operation.path("operationId").asText(null);
        if (operationId == null) {
            return;
        }
        String prior = operationIds.putIfAbsent(operationId, where + " (" + service + ")");
        if (prior != null) {
            throw new OpenApiMergeException("Duplicate operationId " + operationId + ": " + prior + " and " + where
                    + " (" + service + ")");
        }
    }

    private ObjectNode result() {
        ObjectNode out = NODES.objectNode();
        out.put("openapi", openapiVersion == null ? "3.1.0" : openapiVersion);
        ObjectNode info = out.putObject("info");
        info.put("title", TITLE);
        info.put("version", apiVersion);
        info.put("description", "The kyodo services behind one gateway: " + String.join(", ", services) + ".");
        info.set("contact", CONTACT);
        out.putArray("servers").addObject().put("url", "/");
        if (!tags.isEmpty()) {
            out.putArray("tags").addAll(tags.values());
        }
        if (!securityRequirements.isEmpty()) {
            out.putArray("security").addAll(securityRequirements.values());
        }
        ObjectNode outPaths = out.putObject("paths");
        paths.forEach((path, item) -> outPaths.set(path, orderedPathItem(item)));
        if (errorResponsesUsed) {
            Map<String, JsonNode> responses = components.computeIfAbsent("responses", k -> new TreeMap<>());
            ErrorResponses.components().forEach((name, response) -> {
                JsonNode prior = responses.putIfAbsent(name, response);
                if (prior != null && !prior.equals(response)) {
                    throw new OpenApiMergeException("components.responses." + name + " is defined by "
                            + componentOwners.get("components.responses." + name) + " and by the gateway's error answers");
                }
            });
        }
        if (!components.isEmpty()) {
            ObjectNode outComponents = out.putObject("components");
            components.forEach((section, entries) -> {
                ObjectNode outSection = outComponents.putObject(section);
                entries.forEach(outSection::set);
            });
        }
        GatewayHeaders.apply(out);
        AbsentIsOmitted.apply(out, requiredAsWritten);
        AnchoredPatterns.apply(out);
        UnusedComponents.remove(out);
        return out;
    }

    /** Shared fields first, then operations in the usual method order, then extensions by name. */
    private static ObjectNode orderedPathItem(ObjectNode item) {
        ObjectNode ordered = NODES.objectNode();
        PATH_ITEM_HEAD.stream().filter(item::has).forEach(name -> ordered.set(name, item.get(name)));
        METHODS.stream().filter(item::has).forEach(name -> ordered.set(name, item.get(name)));
        new TreeMap<String, JsonNode>(toMap(item)).forEach((name, value) -> {
            if (!ordered.has(name)) {
                ordered.set(name, value);
            }
        });
        return ordered;
    }

    private static Map<String, JsonNode> toMap(ObjectNode node) {
        Map<String, JsonNode> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Same requirement, same key, whatever the order of its schemes. */
    private static String canonical(JsonNode requirement) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        requirement.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted.toString();
    }

    /**
     * {@code OpenApiMerger --out FILE [--api-version V] name=FILE...}: merges the named documents, in
     * the order given, into FILE (YAML). Fails with a message naming the missing or conflicting input.
     */
    public static void main(String[] args) {
        Path out = null;
        String apiVersion = "1.0.0";
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--out".equals(arg) && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if ("--api-version".equals(arg) && i + 1 < args.length) {
                apiVersion = args[++i];
            } else if (arg.indexOf('=') > 0) {
                String service = arg.substring(0, arg.indexOf('='));
                Path file = Path.of(arg.substring(arg.indexOf('=') + 1));
                if (!Files.isRegularFile(file)) {
                    throw new OpenApiMergeException("No OpenAPI document for " + service + " at " + file
                            + " (build that service first: its Quarkus build writes target/openapi/openapi.yaml)");
                }
                sources.add(new Source(service, OpenApiDocuments.read(file)));
            } else {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
        }
        if (out == null || sources.isEmpty()) {
            throw new IllegalArgumentException("Usage: OpenApiMerger --out FILE [--api-version V] name=FILE...");
        }
        ObjectNode merged = merge(apiVersion, sources);
        OpenApiDocuments.writeYaml(merged, out);
        System.out.printf("Merged %d OpenAPI documents (%d paths, %d schemas) into %s%n", sources.size(),
                merged.path("paths").size(), merged.path("components").path("schemas").size(), out);
    }
}
