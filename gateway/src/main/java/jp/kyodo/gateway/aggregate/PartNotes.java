package jp.kyodo.gateway.aggregate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a combined answer leaves out, and why: parts a service would not show the caller ({@code withheld}: 401, 403
 * or 404 from the service - not an error, the service's own decision) and parts that could not be fetched
 * ({@code unavailable}: slow, down, broken, or a list longer than the gateway reads). Only the latter make the answer
 * incomplete.
 */
public final class PartNotes {

    private final Set<String> withheld = new TreeSet<>();
    private final Set<String> unavailable = new TreeSet<>();
    private final JsonArray details = new JsonArray();

    /** Records what came of reading {@code link} for {@code part}; a complete {@link Reply.Found} leaves no note. */
    public synchronized void note(String part, String link, Reply reply) {
        if (reply instanceof Reply.Withheld w) {
            withheld.add(part);
            details.add(new JsonObject().put("part", part).put("link", link).put("outcome", "withheld")
                    .put("reason", w.reason()).put("status", w.status()));
        } else if (reply instanceof Reply.Unavailable u) {
            unavailable.add(part);
            JsonObject detail = new JsonObject().put("part", part).put("link", link).put("outcome", "unavailable")
                    .put("reason", u.failure().code());
            if (u.status() != 0) {
                detail.put("status", u.status());
            }
            if (u.retryAfterSeconds() > 0) {
                detail.put("retryAfterSeconds", u.retryAfterSeconds());
            }
            details.add(detail);
        } else if (reply instanceof Reply.Found found && found.truncated()) {
            unavailable.add(part);
            details.add(new JsonObject().put("part", part).put("link", link).put("outcome", "unavailable")
                    .put("reason", "list-truncated"));
        }
    }

    /** Something could not be fetched (withheld parts do not count: they are the services' answer). */
    public synchronized boolean complete() {
        return unavailable.isEmpty();
    }

    /** Like {@link #note}, but a part the service withheld is not worth mentioning (e.g. a list of one's own tasks). */
    public void noteFailure(String part, String link, Reply reply) {
        if (!(reply instanceof Reply.Withheld)) {
            note(part, link, reply);
        }
    }

    /** Adds {@code complete}, {@code withheld} (if wanted) and {@code unavailable} to an answer. */
    public synchronized JsonObject writeSummary(JsonObject answer, boolean withWithheld) {
        answer.put("complete", unavailable.isEmpty());
        if (withWithheld) {
            answer.put("withheld", new JsonArray(List.copyOf(withheld)));
        }
        answer.put("unavailable", new JsonArray(List.copyOf(unavailable)));
        return answer;
    }

    /** One entry per part left out: {@code part}, {@code link}, {@code outcome}, {@code reason}, {@code status}. */
    public synchronized JsonArray details() {
        return details.copy();
    }
}
