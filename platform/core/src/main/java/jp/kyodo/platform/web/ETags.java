package jp.kyodo.platform.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * Optimistic locking over HTTP: the ETag of a mutable resource is its version; a write must send it back in
 * {@code If-Match}. The version is checked again in the database {@code UPDATE}, so a race between two
 * writers that both sent the right ETag still lets only one through.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the caller last read; 428 without {@code If-Match}, 412 when it is not a version of ours. */
    public static long expectedVersion(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    LocalizedText.of("Send the ETag you read in If-Match, so that no one's change is overwritten.",
                            "他の更新を上書きしないよう、取得した ETag を If-Match に指定してください。"));
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /**
     * The precondition of a write, checked by the service after it has authorised the caller (a stranger gets 403,
     * never 412): 428 without {@code If-Match}, {@code *} matches any current version (RFC 9110), otherwise 412
     * unless the ETag names the current version.
     */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    LocalizedText.of("Send the ETag you read in If-Match, so that no one's change is overwritten.",
                            "他の更新を上書きしないよう、取得した ETag を If-Match に指定してください。"));
        }
        if (ifMatch.trim().equals("*")) {
            return;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            requireCurrent(Long.parseLong(value.replace("\"", "")), current);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /** 412 unless the caller read the version that is current. */
    public static void requireCurrent(long expected, long current) {
        if (expected != current) {
            throw stale();
        }
    }

    private static ProblemException stale() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                LocalizedText.of("Someone changed this resource since you read it; read it again and retry.",
                        "読み込んだ後に他の利用者が更新しました。再読み込みしてからやり直してください。"));
    }
}
