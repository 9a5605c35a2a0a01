package jp.kyodo.platform.pagination;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code nextCursor} is absent on the last page.
 */
public record Page<T>(
        @Schema(description = "The items of this page, in the list's stable order") List<T> items,
        @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page", nullable = true) String nextCursor) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that there is more.
     */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, Cursor> cursorOf, Function<E, T> view) {
        boolean more = fetched.size() > limit;
        List<E> shown = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
