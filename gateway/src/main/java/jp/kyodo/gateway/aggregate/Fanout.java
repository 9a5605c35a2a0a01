package jp.kyodo.gateway.aggregate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The service calls of one combined answer: they share its deadline, a budget of calls and a bound on how many run at
 * once (the others queue). Every returned future completes - with what the service said, or with
 * {@link Reply.Unavailable} once the deadline or budget is spent - so an answer built from them always finishes.
 */
public final class Fanout {

    /** Page size asked of the services' lists (their maximum). */
    static final int PAGE_SIZE = 100;

    private final ServiceClient client;
    private final Caller caller;
    private final long deadlineNanos;
    private final int maxConcurrent;
    private final int maxPages;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int callsLeft;
    private int running;
    private boolean cancelled;

    Fanout(ServiceClient client, Caller caller, Duration deadline, int maxCalls, int maxConcurrent, int maxPages) {
        if (maxCalls < 1 || maxConcurrent < 1 || maxPages < 1 || deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("kyodo.gateway.aggregate: max-calls, max-concurrent-calls, max-pages and"
                    + " deadline must be positive");
        }
        this.client = client;
        this.caller = caller;
        this.deadlineNanos = System.nanoTime() + deadline.toNanos();
        this.callsLeft = maxCalls;
        this.maxConcurrent = maxConcurrent;
        this.maxPages = maxPages;
    }

    public Caller caller() {
        return caller;
    }

    /** Milliseconds until the deadline (negative once past). */
    public long millisLeft() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
    }

    /** No further calls are made: the answer has been given (or abandoned). */
    public synchronized void cancel() {
        cancelled = true;
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }

    /** One resource: {@code uri} is the path and query as the service spells it ({@code /api/proposals/…}). */
    public Future<Reply> get(String service, String uri) {
        Promise<Reply> reply = Promise.promise();
        Runnable call = () -> {
            if (isCancelled()) {
                startNext();
                reply.complete(new Reply.Unavailable(Reply.Failure.BUDGET_EXHAUSTED, 0, 0));
                return;
            }
            client.call(service, uri, caller, millisLeft()).onComplete(done -> {
                startNext();
                reply.complete(done.succeeded() ? done.result()
                        : new Reply.Unavailable(Reply.Failure.BAD_ANSWER, 0, 0));
            });
        };
        boolean now;
        synchronized (this) {
            if (cancelled || callsLeft <= 0) {
                return Future.succeededFuture(new Reply.Unavailable(Reply.Failure.BUDGET_EXHAUSTED, 0, 0));
            }
            callsLeft--;
            now = running < maxConcurrent;
            if (now) {
                running++;
            } else {
                waiting.add(call);
            }
        }
        if (now) {
            call.run();
        }
        return reply.future();
    }

    private void startNext() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /**
     * Every item of a paged list ({@code {"items": [...], "nextCursor": ...}}), following the cursor for up to the
     * configured number of pages: {@link Reply.Found} with a JSON array of the items, {@code truncated} when more
     * pages were left; otherwise what the first page that failed said.
     */
    public Future<Reply> list(String service, String uri) {
        return page(service, uri, null, 1, new JsonArray());
    }

    private Future<Reply> page(String service, String uri, String cursor, int number, JsonArray collected) {
        String pageUri = uri + (uri.indexOf('?') < 0 ? '?' : '&') + "limit=" + PAGE_SIZE
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return get(service, pageUri).compose(reply -> {
            if (!(reply instanceof Reply.Found found)) {
                return Future.succeededFuture(reply);
            }
            if (!(found.body() instanceof JsonObject page) || !(page.getValue("items") instanceof JsonArray items)) {
                return Future.succeededFuture(new Reply.Unavailable(Reply.Failure.BAD_ANSWER, 200, 0));
            }
            collected.addAll(items);
            Object next = page.getValue("nextCursor");
            if (!(next instanceof String nextCursor) || nextCursor.isEmpty()) {
                return Future.succeededFuture(new Reply.Found(collected, false));
            }
            if (number >= maxPages) {
                return Future.succeededFuture(new Reply.Found(collected, true));
            }
            return page(service, uri, nextCursor, number + 1, collected);
        });
    }
}
