package jp.kyodo.gateway.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.aggregate.AggregateEndpoint;
import jp.kyodo.gateway.aggregate.Fanout;
import jp.kyodo.gateway.aggregate.Ids;
import jp.kyodo.gateway.aggregate.PartNotes;
import jp.kyodo.gateway.aggregate.Reply;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;

/**
 * One case (案件) as the caller may see it: the proposal, the agreements made from it, and each agreement's evaluation
 * plans with their rounds. Every part is read from its service with the caller's own token, so each service decides
 * what the caller sees - a part a service refuses (401, 403, 404) is left out and named in {@code withheld}; the
 * gateway never reads a part any other way (e.g. sealed self-assessment scores stay as the evaluation service shows
 * them). The proposal and the agreement list are read at once; the evaluations as soon as the agreements are known.
 * A part that cannot be read in time is named in {@code unavailable} and the dossier is {@code complete: false}.
 * <ul>
 * <li>The proposal withheld: 404, nothing else is shown (the case does not exist for the caller).</li>
 * <li>The proposal unavailable: the rest is still shown if there is any; with nothing to show, the service's
 * failure is the answer (503, 504 or 502).</li>
 * </ul>
 */
final class CaseDossier {

    static final String PROPOSAL = "proposal";
    static final String AGREEMENTS = "agreements";
    static final String EVALUATIONS = "evaluations";
    static final String ROUNDS = "rounds";

    private final Fanout fanout;
    private final PartNotes notes = new PartNotes();

    CaseDossier(Fanout fanout) {
        this.fanout = fanout;
    }

    Future<Void> answer(RoutingContext ctx) {
        String raw = ctx.pathParam("proposalId");
        UUID proposalId = Ids.uuid(raw);
        if (proposalId == null) {
            // The proposal service would say the same (its ids are UUIDs); no need to ask it.
            ProblemResponder.send(ctx, GatewayProblem.CASE_NOT_FOUND, Ids.shortened(raw));
            return Future.succeededFuture();
        }
        String proposalLink = "/api/proposals/" + proposalId;
        String agreementsLink = "/api/agreements?proposalId=" + proposalId;

        Future<Reply> proposal = fanout.get("proposals", proposalLink);
        Future<JsonArray> agreements = fanout.list("agreements", agreementsLink).compose(reply -> {
            notes.note(AGREEMENTS, agreementsLink, reply);
            return reply instanceof Reply.Found found ? each(found.objects(), this::agreementEntry)
                    : Future.succeededFuture(null);
        });

        Promise<Void> answered = Promise.promise();
        proposal.onSuccess(reply -> {
            if (reply instanceof Reply.Withheld) {
                // Not there for this caller: answer now, and stop reading the rest.
                fanout.cancel();
                ProblemResponder.send(ctx, GatewayProblem.CASE_NOT_FOUND, proposalId);
                answered.tryComplete();
            }
        });
        Future.join(proposal, agreements).onComplete(done -> {
            if (ctx.response().ended()) {
                answered.tryComplete();
                return;
            }
            if (done.failed()) {
                answered.tryFail(done.cause());
                return;
            }
            Reply proposalReply = proposal.result();
            JsonObject proposalBody = proposalReply instanceof Reply.Found found && found.body() instanceof JsonObject o
                    ? o : null;
            if (proposalBody == null && !(proposalReply instanceof Reply.Unavailable)) {
                proposalReply = new Reply.Unavailable(Reply.Failure.BAD_ANSWER, 200, 0);
            }
            JsonArray agreementEntries = agreements.result();
            if (proposalBody == null && (agreementEntries == null || agreementEntries.isEmpty())) {
                sendRootFailure(ctx, (Reply.Unavailable) proposalReply);
            } else {
                notes.note(PROPOSAL, proposalLink, proposalReply);
                AggregateEndpoint.sendJson(ctx, dossier(proposalId, proposalBody, agreementEntries), null);
            }
            answered.tryComplete();
        });
        return answered.future();
    }

    private JsonObject dossier(UUID proposalId, JsonObject proposal, JsonArray agreements) {
        JsonObject out = new JsonObject().put("proposalId", proposalId.toString());
        notes.writeSummary(out, true);
        if (proposal != null) {
            out.put("proposal", proposal);
        }
        if (agreements != null) {
            out.put("agreements", agreements);
        }
        return out.put("details", notes.details()).put("generatedAt", Instant.now().toString());
    }

    /** An agreement as its service listed it, with its evaluation plans (when they could be read). */
    private Future<JsonObject> agreementEntry(JsonObject agreement) {
        JsonObject entry = new JsonObject().put("agreement", agreement);
        UUID agreementId = Ids.uuid(agreement.getValue("id"));
        if (agreementId == null) {
            return Future.succeededFuture(entry);
        }
        String link = "/api/evaluations?agreementId=" + agreementId;
        return fanout.list("evaluations", link).compose(reply -> {
            notes.note(EVALUATIONS, link, reply);
            if (!(reply instanceof Reply.Found found)) {
                return Future.succeededFuture(entry);
            }
            return each(found.objects(), this::planEntry).map(plans -> entry.put("evaluationPlans", plans));
        });
    }

    /** A plan with its rounds, each as the round view of the evaluation service (or its summary if that failed). */
    private Future<JsonObject> planEntry(JsonObject plan) {
        JsonObject entry = new JsonObject().put("plan", plan);
        UUID planId = Ids.uuid(plan.getValue("id"));
        if (planId == null) {
            return Future.succeededFuture(entry);
        }
        String link = "/api/evaluations/" + planId + "/rounds";
        return fanout.list("evaluations", link).compose(reply -> {
            notes.note(ROUNDS, link, reply);
            if (!(reply instanceof Reply.Found found)) {
                return Future.succeededFuture(entry);
            }
            return each(found.objects(), this::round).map(rounds -> entry.put("rounds", rounds));
        });
    }

    /**
     * The round as {@code GET /api/evaluations/rounds/{id}} shows it to this caller - passed on as it is, sealed
     * scores included. Should that fail, the summary from the plan's list stands in ({@code {"round": …}}).
     */
    private Future<JsonObject> round(JsonObject summary) {
        JsonObject fallback = new JsonObject().put("round", summary);
        UUID roundId = Ids.uuid(summary.getValue("id"));
        if (roundId == null) {
            return Future.succeededFuture(fallback);
        }
        String link = "/api/evaluations/rounds/" + roundId;
        return fanout.get("evaluations", link).map(reply -> {
            notes.note(ROUNDS, link, reply);
            return reply instanceof Reply.Found found && found.body() instanceof JsonObject view ? view : fallback;
        });
    }

    private static Future<JsonArray> each(List<JsonObject> items, Function<JsonObject, Future<JsonObject>> entry) {
        List<Future<JsonObject>> entries = items.stream().map(entry).toList();
        return Future.join(entries).map(all -> {
            JsonArray out = new JsonArray();
            entries.forEach(f -> out.add(f.result()));
            return out;
        });
    }

    private static void sendRootFailure(RoutingContext ctx, Reply.Unavailable failure) {
        GatewayProblem kind = switch (failure.failure()) {
            case TIMEOUT -> GatewayProblem.UPSTREAM_TIMEOUT;
            case UNREACHABLE -> GatewayProblem.UPSTREAM_UNAVAILABLE;
            case CIRCUIT_OPEN -> GatewayProblem.UPSTREAM_CIRCUIT_OPEN;
            // The service said so itself.
            default -> failure.status() == 503 ? GatewayProblem.UPSTREAM_UNAVAILABLE
                    : failure.status() == 504 ? GatewayProblem.UPSTREAM_TIMEOUT : GatewayProblem.BAD_GATEWAY;
        };
        if (failure.retryAfterSeconds() > 0) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfterSeconds()));
        }
        ProblemResponder.send(ctx, kind, "proposals");
    }
}
