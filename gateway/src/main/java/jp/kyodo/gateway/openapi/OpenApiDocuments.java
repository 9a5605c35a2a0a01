package jp.kyodo.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

/** Reads OpenAPI documents (YAML or JSON) into Jackson trees and writes the merged one as YAML. */
public final class OpenApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "200" must stay a string: response codes are keys, and version numbers are strings.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // One line per value, however long: easier to read in a diff.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new DatesStayStrings())
            .build());

    /**
     * YAML 1.1 readers (Spectral's, many generators') take an unquoted {@code 2027-04-01} or
     * {@code 2027-04-01T00:00:00Z} for a timestamp, not a string: an example would no longer be the RFC 3339 string
     * it shows. Such values are quoted.
     */
    private static final class DatesStayStrings extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");

        @Override
        public boolean needToQuoteValue(String value) {
            return DATE_LIKE.matcher(value).matches() || super.needToQuoteValue(value);
        }
    }

    private OpenApiDocuments() {
    }

    public static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read OpenAPI document " + file, e);
        }
    }

    /** JSON is recognised by its opening brace; everything else is read as YAML. */
    public static JsonNode parse(String text) {
        try {
            ObjectMapper mapper = text.stripLeading().startsWith("{") ? JSON : YAML;
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new OpenApiMergeException("Not an OpenAPI document: the top level is not an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OpenApiMergeException("Not valid YAML or JSON: " + e.getOriginalMessage());
        }
    }

    public static String toYaml(JsonNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write YAML", e);
        }
    }

    public static void writeYaml(JsonNode document, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toYaml(document), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
