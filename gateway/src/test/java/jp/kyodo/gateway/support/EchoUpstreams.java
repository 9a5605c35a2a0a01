package jp.kyodo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Starts real HTTP servers for the directory, proposals, agreements and notifications services and points the gateway
 * at them, two replicas ({@value #REPLICA_A} and {@value #REPLICA_B}) for proposals; evaluations is pointed at a port
 * nobody listens on, to play a service that is down, which a
 * test may bring up or make hang through {@link SwitchableUpstream}'s control port
 * ({@value #DOWN_CONTROL_KEY}).
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> LIVE = List.of("directory", "proposals", "agreements", "notifications");
    public static final String DOWN = "evaluations";
    public static final String DOWN_CONTROL_KEY = "kyodo.test.evaluations-control";
    public static final String REPLICATED = "proposals";
    public static final String REPLICA_A = "a";
    public static final String REPLICA_B = "b";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : LIVE) {
            List<String> replicas = REPLICATED.equals(name) ? List.of(REPLICA_A, REPLICA_B) : List.of(REPLICA_A);
            List<String> urls = new ArrayList<>();
            for (String replica : replicas) {
                HttpServer server = await(vertx.createHttpServer()
                        .requestHandler(new EchoUpstream(vertx, name, replica))
                        .listen(0, "127.0.0.1"));
                urls.add("http://127.0.0.1:" + server.actualPort());
            }
            config.put("kyodo.gateway.upstream." + name, String.join(",", urls));
        }
        int downPort = unusedPort();
        int controlPort = await(new SwitchableUpstream(vertx, DOWN, downPort).startControl());
        config.put("kyodo.gateway.upstream." + DOWN, "http://127.0.0.1:" + downPort);
        config.put(DOWN_CONTROL_KEY, "http://127.0.0.1:" + controlPort);
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
