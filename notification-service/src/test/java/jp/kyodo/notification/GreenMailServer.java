package jp.kyodo.notification;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) in the test JVM, on a free port; tests stop and start it to play an outage. */
public class GreenMailServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;
    private static volatile int port;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static GreenMail server() {
        return server;
    }

    public static void stopServer() {
        server.stop();
    }

    public static void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
