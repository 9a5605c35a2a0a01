package jp.kyodo.gateway.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Vetoed;

import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jp.kyodo.gateway.api.Language;

/** The limits every combined answer's calls live within, against services that answer when the test says so. */
class FanoutTest {

    /** Answers from {@code answers} at once; anything else when the test completes its promise. Not a bean. */
    @Vetoed
    private static final class ScriptedServices extends ServiceClient {
        final List<String> started = new ArrayList<>();
        final Map<String, Promise<Reply>> pending = new HashMap<>();
        final Map<String, Reply> answers = new HashMap<>();

        @Override
        Future<Reply> call(String service, String uri, Caller caller, long millisLeft) {
            started.add(uri);
            if (answers.containsKey(uri)) {
                return Future.succeededFuture(answers.get(uri));
            }
            Promise<Reply> promise = Promise.promise();
            pending.put(uri, promise);
            return promise.future();
        }
    }

    private static final Caller ANONYMOUS = new Caller(null, null, Set.of(), "test-1", null, Language.EN);
    private static final Reply OK = new Reply.Found(new JsonObject(), false);

    private final ScriptedServices services = new ScriptedServices();

    private Fanout fanout(int maxCalls, int maxConcurrent, int maxPages) {
        return new Fanout(services, ANONYMOUS, Duration.ofSeconds(5), maxCalls, maxConcurrent, maxPages);
    }

    @Test
    void atMostTheConcurrencyBoundRunsAtOnceTheRestWaitTheirTurn() {
        Fanout fanout = fanout(10, 2, 5);
        Future<Reply> a = fanout.get("proposals", "/a");
        fanout.get("proposals", "/b");
        Future<Reply> c = fanout.get("proposals", "/c");
        assertEquals(List.of("/a", "/b"), services.started);

        services.pending.get("/a").complete(OK);
        assertEquals(OK, a.result());
        assertEquals(List.of("/a", "/b", "/c"), services.started, "a finished call lets a waiting one start");
        assertFalse(c.isComplete());
    }

    @Test
    void beyondTheBudgetNoCallIsMade() {
        Fanout fanout = fanout(2, 5, 5);
        fanout.get("proposals", "/a");
        fanout.get("proposals", "/b");
        Future<Reply> third = fanout.get("proposals", "/c");
        assertEquals(List.of("/a", "/b"), services.started);
        assertEquals(Reply.Failure.BUDGET_EXHAUSTED, ((Reply.Unavailable) third.result()).failure());
    }

    @Test
    void onceCancelledWaitingCallsAreDroppedAndNewOnesRefused() {
        Fanout fanout = fanout(10, 1, 5);
        fanout.get("proposals", "/a");
        Future<Reply> waiting = fanout.get("proposals", "/b");
        fanout.cancel();
        services.pending.get("/a").complete(OK);
        assertEquals(List.of("/a"), services.started);
        assertInstanceOf(Reply.Unavailable.class, waiting.result());
        assertInstanceOf(Reply.Unavailable.class, fanout.get("proposals", "/c").result());
    }

    @Test
    void aListFollowsTheCursorUpToTheConfiguredNumberOfPages() {
        services.answers.put("/api/agreements?state=ACTIVE&limit=100", page("n 2", 1));
        services.answers.put("/api/agreements?state=ACTIVE&limit=100&cursor=n+2", page("n3", 2));
        Reply.Found found = (Reply.Found) fanout(10, 5, 2).list("agreements", "/api/agreements?state=ACTIVE").result();
        assertEquals(new JsonArray().add(1).add(2), found.array());
        assertTrue(found.truncated(), "a third page was left");
    }

    @Test
    void aListEndsWhereTheServiceSaysSo() {
        services.answers.put("/api/evaluations?limit=100", page(null, 7));
        Reply.Found found = (Reply.Found) fanout(10, 5, 2).list("evaluations", "/api/evaluations").result();
        assertEquals(new JsonArray().add(7), found.array());
        assertFalse(found.truncated());
    }

    @Test
    void aListAnswerThatIsNotAPageIsABadAnswerAndARefusalStaysARefusal() {
        services.answers.put("/x?limit=100", new Reply.Found(new JsonArray(), false));
        services.answers.put("/y?limit=100", new Reply.Withheld(403));
        assertEquals(Reply.Failure.BAD_ANSWER, ((Reply.Unavailable) fanout(10, 5, 2).list("proposals", "/x").result()).failure());
        assertEquals(new Reply.Withheld(403), fanout(10, 5, 2).list("proposals", "/y").result());
    }

    private static Reply page(String nextCursor, int item) {
        JsonObject page = new JsonObject().put("items", new JsonArray().add(item));
        if (nextCursor != null) {
            page.put("nextCursor", nextCursor);
        }
        return new Reply.Found(page, false);
    }
}
