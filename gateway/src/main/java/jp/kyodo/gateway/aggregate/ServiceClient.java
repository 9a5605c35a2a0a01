package jp.kyodo.gateway.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.RequestId;
import jp.kyodo.gateway.proxy.CircuitOpenException;
import jp.kyodo.gateway.proxy.GatewayConfig;
import jp.kyodo.gateway.proxy.Origin;
import jp.kyodo.gateway.proxy.UpstreamBreakers;
import jp.kyodo.gateway.proxy.UpstreamFailure;
import jp.kyodo.gateway.proxy.UpstreamRoute;
import jp.kyodo.gateway.proxy.UpstreamRoutes;

/**
 * Reads from the services on a caller's behalf for the gateway's combined answers: GET only, with the caller's own
 * token (or none), the request id, a hard timeout per call and the service's circuit breaker. A call never fails: its
 * future always completes with a {@link Reply} saying what came of it. Calls are made through a {@link Fanout}, which
 * holds one answer's deadline, budget and concurrency.
 */
@ApplicationScoped
public class ServiceClient {

    private static final Logger LOG = Logger.getLogger(ServiceClient.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    UpstreamBreakers breakers;

    @Inject
    UpstreamRoutes routes;

    private HttpClient client;

    @PostConstruct
    void start() {
        // Its own pool, so a combined answer's calls never take the proxy's connections.
        client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    /** Starts one combined answer for the caller: its deadline runs from now. */
    public Fanout open(Caller caller) {
        GatewayConfig.Aggregate limits = config.aggregate();
        return new Fanout(this, caller, limits.deadline(), limits.maxCalls(), limits.maxConcurrentCalls(),
                limits.maxPages());
    }

    Vertx vertx() {
        return vertx;
    }

    /** One GET of {@code uri} (path and query, as the service and the gateway spell it) from a service. */
    Future<Reply> call(String service, String uri, Caller caller, long millisLeft) {
        UpstreamRoute route = routes.named(service);
        if (route == null) {
            throw new IllegalArgumentException("No service " + service);
        }
        if (millisLeft <= 0) {
            return Future.succeededFuture(new Reply.Unavailable(Reply.Failure.TIMEOUT, 0, 0));
        }
        long timeout = Math.min(millisLeft, Math.min(config.aggregate().callTimeout().toMillis(), route.timeout().toMillis()));
        return breakers.guard(route, () -> exchangeWithFailover(route, uri, caller, timeout, new ArrayList<>(2)))
                .map(ServiceClient::toReply)
                .otherwise(ServiceClient::toUnavailable)
                .onSuccess(reply -> log(route, uri, caller, reply));
    }

    private record Answer(int status, String contentType, Buffer body) {
    }

    private static final class TooLargeException extends RuntimeException {
        TooLargeException(long max) {
            super("answer larger than " + max + " bytes", null, false, false);
        }
    }

    /** A GET may be repeated: one whose replica is unreachable or dies under it goes to the next replica. */
    private Future<Answer> exchangeWithFailover(UpstreamRoute route, String uri, Caller caller, long timeoutMillis,
            List<Origin> tried) {
        Origin origin = route.replicas().pick(tried);
        if (origin == null) {
            return Future.failedFuture(new IllegalStateException("every replica of " + route.name() + " tried"));
        }
        tried.add(origin);
        long started = System.nanoTime();
        return exchange(origin, uri, caller, timeoutMillis).recover(failure -> {
            GatewayProblem kind = UpstreamFailure.classify(failure);
            if (kind == GatewayProblem.UPSTREAM_TIMEOUT || failure instanceof TooLargeException) {
                return Future.failedFuture(failure);
            }
            route.replicas().markDown(origin, failure.getMessage());
            long left = timeoutMillis - (System.nanoTime() - started) / 1_000_000;
            if (tried.size() < route.replicas().origins().size() && left > 0) {
                return exchangeWithFailover(route, uri, caller, left, tried);
            }
            return Future.failedFuture(failure);
        });
    }

    private Future<Answer> exchange(Origin origin, String uri, Caller caller, long timeoutMillis) {
        Promise<Answer> promise = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // A hard limit on the whole exchange (the idle timeout alone would let a trickling answer run on).
        long timer = vertx.setTimer(timeoutMillis, t -> {
            if (promise.tryFail(new TimeoutException("no answer within " + timeoutMillis + " ms"))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset();
                }
            }
        });
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(origin.host())
                .setPort(origin.port())
                .setSsl(origin.tls())
                .setURI(uri)
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (caller.requestId() != null) {
            options.putHeader(RequestId.HEADER, caller.requestId());
        }
        if (caller.authorization() != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, caller.authorization());
        }
        if (caller.acceptLanguage() != null) {
            options.putHeader(HttpHeaders.ACCEPT_LANGUAGE, caller.acceptLanguage());
        }
        client.request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send();
                })
                .onFailure(promise::tryFail)
                .onSuccess(response -> readBody(response, promise));
        return promise.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private void readBody(HttpClientResponse response, Promise<Answer> promise) {
        long max = config.aggregate().maxResponseSize().asLongValue();
        String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > max) {
            promise.tryFail(new TooLargeException(max));
            response.request().reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > max) {
                if (promise.tryFail(new TooLargeException(max))) {
                    response.request().reset();
                }
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(promise::tryFail);
        response.endHandler(v -> promise.tryComplete(
                new Answer(response.statusCode(), response.getHeader(HttpHeaders.CONTENT_TYPE), body)));
    }

    private static Reply toReply(Answer answer) {
        int status = answer.status();
        if (status == 401 || status == 403 || status == 404) {
            return new Reply.Withheld(status);
        }
        if (status < 200 || status > 299 || !isJson(answer.contentType())) {
            return new Reply.Unavailable(Reply.Failure.BAD_ANSWER, status, 0);
        }
        try {
            Object body = Json.decodeValue(answer.body());
            return body == null ? new Reply.Unavailable(Reply.Failure.BAD_ANSWER, status, 0) : new Reply.Found(body, false);
        } catch (DecodeException e) {
            return new Reply.Unavailable(Reply.Failure.BAD_ANSWER, status, 0);
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase();
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static Reply toUnavailable(Throwable failure) {
        if (failure instanceof CircuitOpenException open) {
            return new Reply.Unavailable(Reply.Failure.CIRCUIT_OPEN, 0, open.retryAfterSeconds());
        }
        GatewayProblem kind = UpstreamFailure.classify(failure);
        Reply.Failure why = switch (kind) {
            case UPSTREAM_TIMEOUT -> Reply.Failure.TIMEOUT;
            case UPSTREAM_UNAVAILABLE -> Reply.Failure.UNREACHABLE;
            default -> Reply.Failure.BAD_ANSWER;
        };
        return new Reply.Unavailable(why, 0, 0);
    }

    private static void log(UpstreamRoute route, String uri, Caller caller, Reply reply) {
        if (reply instanceof Reply.Unavailable unavailable) {
            LOG.warnf("GET %s -> %s service gave no usable answer (%s%s) [requestId=%s]", uri, route.name(),
                    unavailable.failure().code(), unavailable.status() == 0 ? "" : ", status " + unavailable.status(),
                    caller.requestId());
        } else if (reply instanceof Reply.Withheld withheld) {
            LOG.debugf("GET %s -> %s service withheld it from the caller (%d)", uri, route.name(), withheld.status());
        }
    }
}
