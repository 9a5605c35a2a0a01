package jp.kyodo.notification.service;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;
import jp.kyodo.platform.web.ETags;

/**
 * If-Match, checked by the services after the caller was authorised (a stranger learns nothing from a 412): 428
 * without it, 412 when stale or not one of our ETags; {@code *} matches any current version (RFC 9110).
 */
final class Preconditions {

    private Preconditions() {
    }

    static void require(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    LocalizedText.of("Send the ETag you read in If-Match, so that no one's change is overwritten.",
                            "他の更新を上書きしないよう、取得した ETag を If-Match に指定してください。"));
        }
        String value = ifMatch.trim();
        if ("*".equals(value)) {
            return;
        }
        long expected;
        try {
            expected = Long.parseLong(value.replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            expected = -1;
        }
        ETags.requireCurrent(expected, current);
    }
}
