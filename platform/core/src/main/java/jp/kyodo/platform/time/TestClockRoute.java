package jp.kyodo.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code GET /test-clock} reads the service's clock; {@code PUT /test-clock} with {@code {"now": "<instant>"}} or
 * {@code {"advance": "P3D"}} moves it, {@code {"reset": true}} returns to the system time. The route exists only when
 * the clock is a {@link MovableClock}, that is when the test-only setting {@value Clocks#TEST_CLOCK_PROPERTY} is on;
 * otherwise the path is simply unknown. It is not under {@code /api}, so the gateway never routes it.
 */
@ApplicationScoped
public class TestClockRoute {

    public static final String PATH = "/test-clock";

    @Inject
    Clock clock;

    void register(@Observes Router router) {
        if (!(clock instanceof MovableClock movable)) {
            return;
        }
        router.get(PATH).handler(ctx -> reply(ctx, movable));
        // The body handler reads the body, or passes on one a handler before it read already.
        router.put(PATH).handler(BodyHandler.create()).handler(ctx -> change(ctx, movable,
                ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer()));
    }

    private static void change(RoutingContext ctx, MovableClock movable, Buffer body) {
        try {
            JsonObject change = body.length() == 0 ? new JsonObject() : body.toJsonObject();
            if (change.getBoolean("reset", false)) {
                movable.reset();
            } else if (change.getString("now") != null) {
                movable.set(Instant.parse(change.getString("now")));
            } else if (change.getString("advance") != null) {
                movable.advance(Duration.parse(change.getString("advance")));
            } else {
                ctx.response().setStatusCode(400).end("send now, advance or reset");
                return;
            }
            reply(ctx, movable);
        } catch (DateTimeParseException | io.vertx.core.json.DecodeException | ClassCastException e) {
            ctx.response().setStatusCode(400).end(String.valueOf(e.getMessage()));
        }
    }

    private static void reply(RoutingContext ctx, MovableClock clock) {
        ctx.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("now", clock.instant().toString()).encode());
    }
}
