package jp.kyodo.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A service stand-in on a fixed port that a test can switch between being down (nothing listens: the
 * connection is refused), stuck (connections are accepted and counted, requests never answered) and up
 * (answers 200, or the fixture answer of {@link ServiceFixtures}). It counts the connections it accepts, so a test can
 * prove the gateway did not even try. Steered over HTTP on a separate control port, since tests run in another class
 * loader: {@code POST /mode?to=refuse|hang|up}, {@code GET /stats}, {@code GET /seen} (the requests it answered).
 */
final class SwitchableUpstream {

    enum Mode { REFUSE, HANG, UP }

    private final Vertx vertx;
    private final String name;
    private final int port;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<JsonObject> seen = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.REFUSE;
    private HttpServer server;

    SwitchableUpstream(Vertx vertx, String name, int port) {
        this.vertx = vertx;
        this.name = name;
        this.port = port;
    }

    /** Starts the control server (the service itself starts down) and returns the control port. */
    Future<Integer> startControl() {
        return vertx.createHttpServer().requestHandler(this::control).listen(0, "127.0.0.1").map(HttpServer::actualPort);
    }

    private void control(HttpServerRequest request) {
        if ("/seen".equals(request.path())) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
            return;
        }
        if ("/stats".equals(request.path())) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("mode", mode.name())
                    .put("connections", connections.get())
                    .put("requests", requests.get())
                    .encode());
            return;
        }
        Mode to = Mode.valueOf(request.getParam("to").toUpperCase());
        switchTo(to).onComplete(done -> request.response().setStatusCode(done.succeeded() ? 204 : 500)
                .end(done.succeeded() ? "" : String.valueOf(done.cause())));
    }

    private synchronized Future<Void> switchTo(Mode to) {
        mode = to;
        if (to == Mode.REFUSE) {
            HttpServer running = server;
            server = null;
            return running == null ? Future.succeededFuture() : running.close();
        }
        if (server != null) {
            return Future.succeededFuture();
        }
        HttpServer starting = vertx.createHttpServer()
                .connectionHandler(connection -> connections.incrementAndGet())
                .requestHandler(this::serve);
        server = starting;
        return starting.listen(port, "127.0.0.1").mapEmpty();
    }

    private void serve(HttpServerRequest request) {
        if (mode != Mode.UP) {
            return; // stuck: never answers
        }
        requests.incrementAndGet();
        seen.add(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("authorization", request.getHeader("Authorization"))
                .put("receivedAt", System.currentTimeMillis()));
        ServiceFixtures.Answer fixture = ServiceFixtures.answer(name, request);
        if (fixture != null) {
            request.response().putHeader("Connection", "close");
            EchoUpstream.answer(vertx, request, fixture);
            return;
        }
        // No keep-alive: a pooled connection must not outlive a switch to "refuse" and turn it into a 502.
        request.response().putHeader("Connection", "close")
                .putHeader("Content-Type", "application/json").putHeader("X-Echo-Upstream", name)
                .end(new JsonObject().put("upstream", name).put("uri", request.uri()).encode());
    }
}
