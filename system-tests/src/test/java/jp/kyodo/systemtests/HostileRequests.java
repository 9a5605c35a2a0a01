package jp.kyodo.systemtests;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The invalid and edge-case requests for one operation of the OpenAPI document: bad path ids, bad query values, bad
 * headers, and bodies that are malformed, of the wrong media type, oversized, deeply nested, not UTF-8, or valid but
 * for one property at a time (missing, null, the wrong type, out of range, injection text). Property cases start from
 * a valid body, so that they reach the service's validation rather than stopping at the first missing field.
 */
final class HostileRequests {

    /** An operation of the document as the test calls it: real path values and, for writes, a valid body. */
    record Operation(String method, String template, JsonNode definition, Map<String, String> pathValues,
            String baseQuery, boolean checksIfMatch) {

        String label() {
            return method + " " + template;
        }

        boolean isWrite() {
            return !"GET".equals(method);
        }
    }

    /** Which If-Match a probe sends: none, a stale one, the resource's current ETag, or the probe's own header. */
    enum IfMatch {
        NONE, STALE, CURRENT, OWN
    }

    /** A body: its media type (null: no Content-Type header) and bytes. */
    record Payload(String contentType, byte[] bytes) {
    }

    /** Makes a probe's body from the operation's valid body for the caller (null when the operation has none). */
    interface BodyMaker {
        Payload make(JsonNode validBody);
    }

    /**
     * One request to send. {@code mustReject}: the request is invalid whatever the state, so only a 4xx is right.
     */
    record Probe(String kind, String detail, boolean mustReject, String path, String query, Map<String, String> headers,
            IfMatch ifMatch, BodyMaker body) {
    }

    static final int ONE_MEGABYTE_AND_MORE = 1_100_000;
    static final int HUNDRED_KILOBYTES = 100_000;
    static final int NESTING = 10_000;
    private static final String ENCODED_TRAVERSAL = "..%2F..%2F";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern RAW = Pattern.compile("\"@@RAW:(.*?)@@\"");
    private static final String BAD_UTF8 = "@@BAD@@";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Invalid UTF-8: a broken two-byte sequence, bytes never used, an encoded surrogate, an overlong slash. */
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF});
    private static final int MAX_PROPERTY_CASES = 44;
    /**
     * At most this many requests per operation, so that the run's time grows with the number of operations, not with
     * the size of their bodies: every path, query, header and whole-body case first (they are few and each of another
     * kind), then the property cases spread over the body's properties.
     */
    static final int MAX_PROBES_PER_OPERATION = 36;

    private final JsonNode schemas;
    private final HostileValues values;

    HostileRequests(JsonNode document, HostileValues values) {
        this.schemas = document.path("components").path("schemas");
        this.values = values;
    }

    List<Probe> probes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        String realPath = path(op, Map.of());
        JsonNode bodySchema = op.definition().path("requestBody").path("content").path("application/json")
                .path("schema");
        boolean hasBody = !bodySchema.isMissingNode();
        boolean bodyRequired = op.definition().path("requestBody").path("required").asBoolean(false);
        IfMatch quiet = op.checksIfMatch() ? IfMatch.STALE : IfMatch.NONE;
        BodyMaker valid = hasBody ? base -> json(base) : base -> null;

        pathCases(op, probes, quiet, valid);
        queryCases(op, realPath, probes);
        headerCases(op, realPath, probes, valid);
        List<Probe> properties = new ArrayList<>();
        if (hasBody) {
            bodyCases(op, realPath, bodyRequired, probes);
            propertyCases(op, realPath, resolve(bodySchema), properties);
        } else if (op.isWrite()) {
            // A body where none is expected must not confuse the operation either.
            probes.add(new Probe("body", "unexpected malformed body", false, realPath, op.baseQuery(), Map.of(), quiet,
                    base -> new Payload("application/json", bytes("{\"a\":"))));
        }
        probes.addAll(every(properties, Math.max(0, MAX_PROBES_PER_OPERATION - probes.size())));
        return probes.size() <= MAX_PROBES_PER_OPERATION ? probes : every(probes, MAX_PROBES_PER_OPERATION);
    }

    // ------------------------------------------------------------------------------------------------ path and query

    private void pathCases(Operation op, List<Probe> probes, IfMatch quiet, BodyMaker valid) {
        for (JsonNode parameter : parameters(op, "path")) {
            String name = parameter.path("name").asText();
            String kind = kind(resolve(parameter.path("schema")));
            List<String> bad = new ArrayList<>();
            boolean typed = true;
            switch (kind) {
                case "uuid" -> {
                    bad.addAll(List.of(values.notUuid(), values.injection(), values.huge(1500), ENCODED_TRAVERSAL));
                    probes.add(new Probe("path", name + "=unknown uuid", true, path(op, Map.of(name,
                            values.unknownUuid())), op.baseQuery(), Map.of(), quiet, valid));
                }
                case "integer" -> bad.addAll(List.of("-1", "2147483648", values.beyondLong(), "1e309", "abc"));
                default -> {
                    typed = false;
                    bad.addAll(List.of(values.injection(), values.huge(1500)));
                }
            }
            for (String value : bad) {
                // A malformed id, or a number that names nothing (-1, 0, beyond int): never an answer but a 4xx.
                probes.add(new Probe("path", name + "=" + abbreviate(value), typed, path(op, Map.of(name, value)),
                        op.baseQuery(), Map.of(), quiet, valid));
            }
        }
    }

    private void queryCases(Operation op, String realPath, List<Probe> probes) {
        for (JsonNode parameter : parameters(op, "query")) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            List<String[]> cases = new ArrayList<>(); // value, "reject" when no state makes it valid
            switch (kind(schema)) {
                case "uuid" -> {
                    cases.add(new String[] {values.notUuid(), "reject"});
                    cases.add(new String[] {values.unknownUuid(), ""});
                }
                case "enum" -> {
                    List<String> known = enumValues(schema);
                    cases.add(new String[] {values.unknownEnum(known), "reject"});
                    cases.add(new String[] {values.injection(), "reject"});
                }
                case "integer" -> {
                    cases.add(new String[] {"-1", ""});
                    cases.add(new String[] {"100000000", ""});
                    cases.add(new String[] {values.beyondLong(), "reject"});
                    cases.add(new String[] {"abc", "reject"});
                }
                case "date" -> {
                    cases.add(new String[] {"2027-02-30", "reject"});
                    cases.add(new String[] {"yesterday", "reject"});
                }
                case "boolean" -> {
                    // Only true and false: what a JSON client means, and nothing else is taken for false.
                    for (String notBoolean : List.of("maybe", "1e309", "-1", "1", "yes")) {
                        cases.add(new String[] {notBoolean, "reject"});
                    }
                }
                default -> {
                    cases.add(new String[] {values.injection(), ""});
                    cases.add(new String[] {values.huge(3000), ""});
                    if ("cursor".equals(name)) {
                        cases.add(new String[] {"eyJhIjoiYiJ9", ""});
                    }
                }
            }
            for (String[] c : cases) {
                String query = join(without(op.baseQuery(), name), encode(name) + "=" + encode(c[0]));
                probes.add(new Probe("query", name + "=" + abbreviate(c[0]), !c[1].isEmpty(), realPath, query, Map.of(),
                        IfMatch.NONE, base -> null));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ headers

    private void headerCases(Operation op, String realPath, List<Probe> probes, BodyMaker valid) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Accept-Language", "!!;q=zz, " + values.printable(40)});
        if (op.isWrite()) {
            headers.add(new String[] {"If-Match", values.printable(12)});
            headers.add(new String[] {"If-Match", "\"" + values.beyondLong() + "\""});
            headers.add(new String[] {"Idempotency-Key", values.printable(256)});
        } else {
            headers.add(new String[] {"Accept", "application/xml"});
            headers.add(new String[] {"X-Request-Id", values.printable(300)});
            headers.add(new String[] {"If-None-Match", values.printable(30)});
        }
        for (String[] h : headers) {
            // Garbage If-Match on an operation that checks it can never match; elsewhere a header may be ignored.
            boolean reject = "If-Match".equals(h[0]) && op.checksIfMatch();
            probes.add(new Probe("header", h[0] + ": " + abbreviate(h[1]), reject, realPath, op.baseQuery(),
                    Map.of(h[0], h[1]), "If-Match".equals(h[0]) ? IfMatch.OWN : op.checksIfMatch() ? IfMatch.STALE
                            : IfMatch.NONE, valid));
        }
    }

    // ------------------------------------------------------------------------------------------------ whole bodies

    private void bodyCases(Operation op, String realPath, boolean required, List<Probe> probes) {
        IfMatch current = op.checksIfMatch() ? IfMatch.CURRENT : IfMatch.NONE;
        List<Object[]> cases = new ArrayList<>(); // detail, content type, BodyMaker, reject
        cases.add(new Object[] {"empty body", "application/json", (BodyMaker) b -> raw("application/json", ""), required});
        cases.add(new Object[] {"no body, no content type", null, (BodyMaker) b -> null, required});
        for (String malformed : List.of("{", "{\"a\":}", "{'a':1}", "\u0000")) {
            cases.add(new Object[] {"malformed " + abbreviate(malformed), "application/json",
                    (BodyMaker) b -> raw("application/json", malformed), true});
        }
        cases.add(new Object[] {"valid body with trailing garbage", "application/json",
                (BodyMaker) b -> raw("application/json", text(b) + " garbage"), true});
        // A property given twice, after every property was read and at the start: refused, naming it.
        cases.add(new Object[] {"repeated key at the end", "application/json",
                (BodyMaker) b -> raw("application/json", repeatedKey(b, true)), true});
        cases.add(new Object[] {"repeated key first", "application/json",
                (BodyMaker) b -> raw("application/json", repeatedKey(b, false)), true});
        for (String wrongTop : List.of("[]", "42", "null")) {
            cases.add(new Object[] {"top-level " + wrongTop, "application/json",
                    (BodyMaker) b -> raw("application/json", wrongTop), true});
        }
        cases.add(new Object[] {"nested arrays " + NESTING + " deep", "application/json",
                (BodyMaker) b -> raw("application/json", "[".repeat(NESTING) + "]".repeat(NESTING)), true});
        cases.add(new Object[] {"nested objects " + NESTING + " deep", "application/json",
                (BodyMaker) b -> raw("application/json", "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING)), true});
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            cases.add(new Object[] {"content type " + type, type, (BodyMaker) b -> new Payload(type,
                    type.endsWith("xml") ? bytes("<a><b>1</b></a>") : json(b).bytes()), true});
        }
        cases.add(new Object[] {"content type multipart", "multipart/form-data", (BodyMaker) b -> new Payload(
                "multipart/form-data; boundary=kyodo", bytes("--kyodo\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                        + "\r\n" + text(b) + "\r\n--kyodo--\r\n")), true});
        cases.add(new Object[] {"content type json with an unknown charset", "application/json; charset=x-nothing",
                (BodyMaker) b -> new Payload("application/json; charset=x-nothing", json(b).bytes()), false});
        for (Object[] c : cases) {
            probes.add(new Probe("body", (String) c[0], (Boolean) c[3], realPath, op.baseQuery(), Map.of(), current,
                    (BodyMaker) c[2]));
        }
    }

    // ------------------------------------------------------------------------------------------------ one property

    private void propertyCases(Operation op, String realPath, JsonNode schema, List<Probe> probes) {
        IfMatch current = op.checksIfMatch() ? IfMatch.CURRENT : IfMatch.NONE;
        IfMatch quiet = op.checksIfMatch() ? IfMatch.STALE : IfMatch.NONE;
        List<Probe> cases = new ArrayList<>();
        boolean[] megabyteSent = {false};
        walk(schema, new ArrayList<>(), 0, (path, property, required) -> {
            String at = String.join(".", path);
            String kind = kind(property);
            List<Object[]> variants = new ArrayList<>(); // detail, JsonNode value (null: remove), reject
            if (required) {
                variants.add(new Object[] {"missing", null, true});
                variants.add(new Object[] {"null", NODES.nullNode(), true});
            }
            switch (kind) {
                case "uuid" -> {
                    variants.add(new Object[] {"not a uuid", text(values.notUuid()), true});
                    variants.add(new Object[] {"unknown uuid", text(values.unknownUuid()), false});
                    variants.add(new Object[] {"number", NODES.numberNode(42), true});
                }
                case "enum" -> {
                    List<String> known = enumValues(property);
                    variants.add(new Object[] {"unknown enum", text(values.unknownEnum(known)), true});
                    variants.add(new Object[] {"enum in lower case", text(known.get(0).toLowerCase(Locale.ROOT) + "_"),
                            true});
                    variants.add(new Object[] {"injection", text(values.injection()), true});
                }
                case "date", "date-time" -> {
                    variants.add(new Object[] {"impossible date", text("2027-02-30"), true});
                    variants.add(new Object[] {"not a date", text(values.injection()), true});
                    variants.add(new Object[] {"far-future date", text("+999999999-12-31"), false});
                }
                case "integer" -> {
                    variants.add(new Object[] {"negative", NODES.numberNode(-1), false});
                    variants.add(new Object[] {"beyond int", NODES.numberNode(2_147_483_648L), false});
                    variants.add(new Object[] {"beyond long", rawJson(values.beyondLong()), false});
                    variants.add(new Object[] {"1e309", rawJson("1e309"), true});
                    variants.add(new Object[] {"-1e309", rawJson("-1e309"), true});
                    variants.add(new Object[] {"text", text("abc"), true});
                }
                case "number" -> {
                    variants.add(new Object[] {"negative", NODES.numberNode(-1), false});
                    variants.add(new Object[] {"beyond long", rawJson(values.beyondLong()), false});
                    variants.add(new Object[] {"1e309", rawJson("1e309"), false});
                    variants.add(new Object[] {"text", text("NaN"), true});
                }
                case "boolean" -> variants.add(new Object[] {"text", text("maybe"), true});
                case "array" -> {
                    variants.add(new Object[] {"object", NODES.objectNode(), true});
                    variants.add(new Object[] {"array of nulls", nulls(3), false});
                    variants.add(new Object[] {"1000 nulls", nulls(1_000), true});
                }
                case "object" -> {
                    variants.add(new Object[] {"array", NODES.arrayNode(), true});
                    variants.add(new Object[] {"text", text("x"), true});
                }
                default -> {
                    variants.add(new Object[] {"injection", text(values.injection()), false});
                    variants.add(new Object[] {"any characters", text(values.anyText()), false});
                    variants.add(new Object[] {"NUL inside", text("a\u0000b"), false});
                    variants.add(new Object[] {"100 kB", text(values.huge(HUNDRED_KILOBYTES)), false});
                    variants.add(new Object[] {"object", NODES.objectNode().put("a", 1), true});
                    variants.add(new Object[] {"invalid UTF-8", text("ab" + BAD_UTF8 + "cd"), true});
                    variants.add(new Object[] {"nested " + NESTING + " deep",
                            rawJson("[".repeat(NESTING) + "]".repeat(NESTING)), true});
                    if (!megabyteSent[0]) {
                        megabyteSent[0] = true;
                        variants.add(new Object[] {"over 1 MB", text(values.huge(ONE_MEGABYTE_AND_MORE)), true});
                    }
                }
            }
            for (Object[] v : variants) {
                JsonNode value = (JsonNode) v[1];
                boolean reject = (Boolean) v[2];
                cases.add(new Probe("property", at + " " + v[0], reject, realPath, op.baseQuery(), Map.of(),
                        reject ? current : quiet, base -> json(replace(base, path, value))));
            }
        });
        cases.add(new Probe("property", "unknown property", false, realPath, op.baseQuery(), Map.of(), quiet,
                base -> json(base != null && base.isObject()
                        ? ((ObjectNode) base.deepCopy()).put("unknownProperty" + values.printable(4).replaceAll(
                                "\\W", ""), 1) : base)));
        // Invalid bodies first: a hostile but valid body may change the state the rest would meet. Spread over the
        // properties (every n-th case) where an operation has more than the run has time for.
        List<Probe> invalid = every(cases.stream().filter(Probe::mustReject).toList(), MAX_PROPERTY_CASES / 2);
        List<Probe> perhapsValid = every(cases.stream().filter(p -> !p.mustReject()).toList(), MAX_PROPERTY_CASES / 2);
        probes.addAll(invalid);
        probes.addAll(perhapsValid);
    }

    private static List<Probe> every(List<Probe> cases, int max) {
        if (cases.size() <= max) {
            return cases;
        }
        List<Probe> picked = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            picked.add(cases.get(i * cases.size() / max));
        }
        return picked;
    }

    private interface PropertyVisitor {
        void visit(List<String> path, JsonNode schema, boolean required);
    }

    /** Properties two levels deep (and of an array's first element), with whether each is required. */
    private void walk(JsonNode schema, List<String> prefix, int depth, PropertyVisitor visitor) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> p = properties.next();
            if (p.getValue().path("readOnly").asBoolean(false)) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(p.getKey());
            JsonNode property = resolve(p.getValue());
            visitor.visit(path, property, required.contains(p.getKey()));
            if (depth < 1) {
                if ("object".equals(kind(property))) {
                    walk(property, path, depth + 1, visitor);
                } else if ("array".equals(kind(property)) && "object".equals(kind(resolve(property.path("items"))))) {
                    List<String> first = new ArrayList<>(path);
                    first.add("0");
                    walk(resolve(property.path("items")), first, depth + 1, visitor);
                }
            }
        }
    }

    /**
     * The valid body with the value at {@code path} replaced ({@code null}: removed). An optional object the valid body
     * leaves out is added, so that the case still reaches the property it is about.
     */
    private static JsonNode replace(JsonNode base, List<String> path, JsonNode value) {
        JsonNode copy = base == null || !base.isContainerNode() ? NODES.objectNode() : base.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = child(parent, path.get(i));
            if (next == null || !next.isContainerNode()) {
                next = path.get(i + 1).matches("\\d+") ? NODES.arrayNode().add(NODES.objectNode()) : NODES.objectNode();
                if (parent instanceof ObjectNode object) {
                    object.set(path.get(i), next);
                } else if (parent instanceof ArrayNode array && array.isEmpty()) {
                    array.add(next);
                } else {
                    return copy;
                }
            }
            parent = next;
        }
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            if (value == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
        return copy;
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node.isArray() && key.matches("\\d+")) {
            return node.get(Integer.parseInt(key));
        }
        return node.get(key);
    }

    // ------------------------------------------------------------------------------------------------ schemas

    private List<JsonNode> parameters(Operation op, String in) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : op.definition().path("parameters")) {
            if (in.equals(p.path("in").asText())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The schema a {@code $ref} (or a single {@code allOf}) points to, or the schema itself. */
    JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10; i++) {
            if (schema.has("$ref")) {
                String ref = schema.path("$ref").asText();
                schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (schema.path("allOf").size() == 1) {
                schema = schema.path("allOf").get(0);
            } else {
                break;
            }
        }
        return schema;
    }

    private static String kind(JsonNode schema) {
        if (schema.has("enum")) {
            return "enum";
        }
        String format = schema.path("format").asText("");
        if (format.equals("uuid")) {
            return "uuid";
        }
        if (format.equals("date") || format.equals("date-time")) {
            return format;
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText(schema.has("properties") ? "object" : "string");
    }

    private static List<String> enumValues(JsonNode schema) {
        List<String> known = new ArrayList<>();
        schema.path("enum").forEach(e -> known.add(e.asText()));
        return known.isEmpty() ? List.of("X") : known;
    }

    // ------------------------------------------------------------------------------------------------ encoding

    private static String path(Operation op, Map<String, String> overrides) {
        Matcher m = PATH_PARAMETER.matcher(op.template());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = overrides.containsKey(name) ? overrides.get(name) : op.pathValues().get(name);
            if (value == null) {
                throw new IllegalStateException(op.label() + ": no value for {" + name + "}");
            }
            // An encoded traversal stays as it is written: it tests the decoding itself.
            String segment = ENCODED_TRAVERSAL.equals(value) ? value : encode(value).replace("+", "%20");
            m.appendReplacement(path, Matcher.quoteReplacement(segment));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The query without the parameter (a case replaces the valid value; JAX-RS would take the first of two). */
    private static String without(String query, String name) {
        if (query == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.startsWith(name + "=")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    private static String join(String baseQuery, String pair) {
        return baseQuery == null || baseQuery.isEmpty() ? pair : baseQuery + "&" + pair;
    }

    private static TextNode text(String value) {
        return NODES.textNode(value);
    }

    /** A value written into the JSON text as it is (a number JSON cannot hold in a long or a double, or raw JSON). */
    private static TextNode rawJson(String literal) {
        return NODES.textNode("@@RAW:" + literal + "@@");
    }

    private static ArrayNode nulls(int n) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            array.addNull();
        }
        return array;
    }

    private static String text(JsonNode body) {
        try {
            return body == null ? "{}" : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON, raw literals spliced in and the invalid UTF-8 marker turned into invalid bytes. */
    static Payload json(JsonNode body) {
        String text = RAW.matcher(text(body)).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        if (!text.contains(BAD_UTF8)) {
            return new Payload("application/json", bytes(text));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = text.split(Pattern.quote(BAD_UTF8), -1);
        for (int i = 0; i < parts.length; i++) {
            out.writeBytes(bytes(parts[i]));
            if (i < parts.length - 1) {
                out.writeBytes(INVALID_UTF8.get(i % INVALID_UTF8.size()));
            }
        }
        return new Payload("application/json", out.toByteArray());
    }

    /**
     * The valid body with its first property written once more, with another value: after the last property, or
     * right after itself. A body that is not an object gets a repeated key of its own.
     */
    static String repeatedKey(JsonNode body, boolean atTheEnd) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        String json = text(body);
        String name = body.fieldNames().next();
        String again = JSON.getNodeFactory().textNode(name) + ":" + (body.get(name).isTextual() ? "\"again\"" : "null");
        return atTheEnd ? json.substring(0, json.length() - 1) + "," + again + "}" : "{" + again + "," + json.substring(1);
    }

    private static Payload raw(String contentType, String text) {
        return new Payload(contentType, bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String value) {
        String flat = value.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…(" + value.length() + " chars)";
    }
}
