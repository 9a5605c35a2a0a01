package jp.kyodo.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A service stand-in that answers every request with what it received - method, path, query, headers,
 * body - as JSON, and remembers what it saw ({@code GET /__seen}) so a test can prove a request never
 * got here (with the request id, the token and when it arrived). The reads of {@link ServiceFixtures} get their
 * fixture answers instead of an echo. Query parameters steer it: {@code delayMs} answers late, {@code status} sets the status,
 * {@code respondHeader=Name:value} adds a response header, {@code close} drops the connection without
 * answering, {@code closeOn=<replica>} does so only on that replica (a replica dying under a request). A service with
 * two replicas has two of these, told apart by {@code replica} in the echo and the {@code X-Echo-Replica} header.
 */
final class EchoUpstream implements Handler<HttpServerRequest> {

    private final Vertx vertx;
    private final String name;
    private final String replica;
    private final List<JsonObject> seen = new CopyOnWriteArrayList<>();

    EchoUpstream(Vertx vertx, String name, String replica) {
        this.vertx = vertx;
        this.name = name;
        this.replica = replica;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if ("/__seen".equals(request.path())) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonArray(List.copyOf(seen)).encode());
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> {
                String key = h.getKey().toLowerCase();
                JsonArray values = headers.containsKey(key) ? headers.getJsonArray(key) : new JsonArray();
                headers.put(key, values.add(h.getValue()));
            });
            JsonObject echo = new JsonObject()
                    .put("upstream", name)
                    .put("replica", replica)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body", body.toString())
                    .put("bodyLength", body.length());
            seen.add(new JsonObject().put("method", echo.getString("method")).put("uri", echo.getString("uri"))
                    .put("requestId", request.getHeader("X-Request-Id"))
                    .put("authorization", request.getHeader("Authorization"))
                    .put("receivedAt", System.currentTimeMillis()));
            if (request.getParam("close") != null || replica.equals(request.getParam("closeOn"))) {
                request.connection().close();
                return;
            }
            ServiceFixtures.Answer fixture = ServiceFixtures.answer(name, request);
            if (fixture != null) {
                answer(vertx, request, fixture);
                return;
            }
            long delay = Long.parseLong(request.getParam("delayMs", "0"));
            Runnable answer = () -> {
                request.response()
                        .setStatusCode(Integer.parseInt(request.getParam("status", "200")))
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Echo-Upstream", name)
                        .putHeader("X-Echo-Replica", replica);
                for (String header : request.params().getAll("respondHeader")) {
                    int colon = header.indexOf(':');
                    request.response().headers().set(header.substring(0, colon), header.substring(colon + 1));
                }
                request.response().end(echo.encode());
            };
            if (delay > 0) {
                vertx.setTimer(delay, t -> {
                    if (!request.response().closed()) {
                        answer.run();
                    }
                });
            } else {
                answer.run();
            }
        });
    }

    /** Sends a fixture answer, after its delay (unless the caller gave up first). */
    static void answer(Vertx vertx, HttpServerRequest request, ServiceFixtures.Answer fixture) {
        Runnable send = () -> {
            if (!request.response().closed() && !request.response().ended()) {
                request.response().setStatusCode(fixture.status()).putHeader("Content-Type", fixture.contentType())
                        .end(fixture.body());
            }
        };
        if (fixture.delayMillis() > 0) {
            vertx.setTimer(fixture.delayMillis(), t -> send.run());
        } else {
            send.run();
        }
    }
}
