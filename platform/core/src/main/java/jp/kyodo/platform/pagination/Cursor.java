package jp.kyodo.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.platform.problem.ProblemException;

/**
 * An opaque position in a list sorted by a stable key: the sort values of the last item served. Clients pass it
 * back as {@code ?cursor=}; it is base64url JSON so they cannot depend on its shape.
 */
public record Cursor(List<String> values) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    public static Cursor after(String... values) {
        return new Cursor(List.of(values));
    }

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor a client sent; null for the first page; 400 naming {@code cursor} when it is not ours. */
    public static Cursor decode(String encoded, int expectedValues) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            List<String> values = JSON.readValue(Base64.getUrlDecoder().decode(encoded.getBytes(StandardCharsets.US_ASCII)),
                    LIST);
            if (values.size() != expectedValues || values.stream().anyMatch(v -> v == null)) {
                throw new IllegalArgumentException("wrong shape");
            }
            return new Cursor(values);
        } catch (Exception e) {
            throw ProblemException.invalidField("cursor", "Not a cursor returned by this list.",
                    "この一覧が返したカーソルではありません。");
        }
    }

    public String value(int index) {
        return values.get(index);
    }
}
