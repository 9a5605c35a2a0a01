package jp.kyodo.platform.pagination;

import jp.kyodo.platform.problem.ProblemException;

/** {@code ?cursor=&limit=} of a list request, with the limit checked. */
public record PageRequest(String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String cursor, Integer limit) {
        int value = limit == null ? DEFAULT_LIMIT : limit;
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "Must be between 1 and " + MAX_LIMIT + ".",
                    "1 から " + MAX_LIMIT + " の間で指定してください。");
        }
        return new PageRequest(cursor, value);
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
