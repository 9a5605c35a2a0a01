package jp.kyodo.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * The {@code If-Match} precondition of a write, as the caller sent it (RFC 9110 §13.1.1). A resource reads it without
 * judging it and hands it to its service, which checks it with {@link #requireCurrent(long)} only once the caller is
 * authorised: a caller who may not write gets 403 whatever they send, and learns nothing of the resource's version.
 * <p>
 * The check: no {@code If-Match} is a 428; {@code *} accepts whatever version is current (the resource exists, which
 * the service has just found out); otherwise one of the listed entity tags must be the current version's ETag
 * ({@link ETags#of(long)}), compared strongly as RFC 9110 requires, so a weak tag ({@code W/"3"}) never matches. A
 * stale tag, or a header that is not a list of entity tags at all, is a 412.
 */
public final class IfMatch {

    private enum Kind {
        ABSENT, ANY, TAGS, UNREADABLE
    }

    private static final IfMatch ABSENT = new IfMatch(Kind.ABSENT, List.of());
    private static final IfMatch ANY = new IfMatch(Kind.ANY, List.of());
    private static final IfMatch UNREADABLE = new IfMatch(Kind.UNREADABLE, List.of());

    private final Kind kind;
    /** The opaque tags (without quotes) of the strong entity tags sent; weak ones cannot match and are dropped. */
    private final List<String> strongTags;

    private IfMatch(Kind kind, List<String> strongTags) {
        this.kind = kind;
        this.strongTags = strongTags;
    }

    /** The request's precondition; never throws, whatever the caller sent. */
    public static IfMatch from(HttpHeaders headers) {
        List<String> values = headers == null ? null : headers.getRequestHeader(HttpHeaders.IF_MATCH);
        return values == null ? ABSENT : parse(values);
    }

    /** {@code If-Match} from its field lines as received (several lines form one comma-separated list). */
    public static IfMatch parse(List<String> fieldLines) {
        String value = String.join(",", fieldLines).trim();
        if (value.isEmpty()) {
            return ABSENT;
        }
        if (value.equals("*")) {
            return ANY;
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= value.length() || value.charAt(open) != '"') {
                return UNREADABLE;
            }
            int close = value.indexOf('"', open + 1);
            if (close < 0 || !isOpaqueTag(value, open + 1, close)) {
                return UNREADABLE;
            }
            if (!weak) {
                tags.add(value.substring(open + 1, close));
            }
            i = close + 1;
            if (i < value.length() && ",\t ".indexOf(value.charAt(i)) < 0) {
                return UNREADABLE;
            }
        }
        return new IfMatch(Kind.TAGS, List.copyOf(tags));
    }

    /** The precondition of a caller who names no version: a write that requires one is answered 428. */
    public static IfMatch absent() {
        return ABSENT;
    }

    /** {@code If-Match: *}, "whatever version is current". */
    public static IfMatch any() {
        return ANY;
    }

    /** {@code If-Match} naming one version, as a client sends back the ETag it read. */
    public static IfMatch version(long version) {
        return new IfMatch(Kind.TAGS, List.of(Long.toString(version)));
    }

    public boolean isPresent() {
        return kind != Kind.ABSENT;
    }

    /**
     * Lets the write go ahead on the resource whose version is {@code currentVersion}: 428 when the caller sent no
     * {@code If-Match}, 412 when it names no current version. Call it after authorising the caller. The version is
     * checked again in the database {@code UPDATE}, so two writers who both sent the current ETag cannot both win.
     */
    public void requireCurrent(long currentVersion) {
        switch (kind) {
            case ABSENT -> throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    LocalizedText.of("Send the ETag you read in If-Match (or * for whatever version is current), so "
                            + "that no one's change is overwritten.",
                            "他の更新を上書きしないよう、取得した ETag を If-Match に指定してください（版を問わない場合は *）。"));
            case ANY -> {
            }
            case UNREADABLE -> throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    LocalizedText.of("If-Match must be * or the ETag you read, such as \"3\" with its quotes.",
                            "If-Match には取得した ETag（\"3\" のように引用符付き）または * を指定してください。"));
            case TAGS -> {
                if (!strongTags.contains(Long.toString(currentVersion))) {
                    throw ETags.stale();
                }
            }
        }
    }

    /** etagc = %x21 / %x23-7E / obs-text: visible characters but the quote, no spaces or controls. */
    private static boolean isOpaqueTag(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '"') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ABSENT -> "(no If-Match)";
            case ANY -> "*";
            case UNREADABLE -> "(unreadable If-Match)";
            case TAGS -> String.join(", ", strongTags.stream().map(t -> "\"" + t + "\"").toList());
        };
    }
}
