package jp.kyodo.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Free-port lookup and port probes, all on the loopback interface the stack binds to. */
public final class Ports {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    /** A port that is free now and that this JVM has not handed out before. */
    public static synchronized int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new StackException("cannot find a free port: " + e.getMessage());
            }
        }
        throw new StackException("cannot find a free port");
    }

    /** Whether nothing listens on 127.0.0.1:port (so a component can bind it). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts connections on 127.0.0.1:port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(String component, int port) {
        if (!isFree(port)) {
            throw new StackException(component + ": port " + port + " on 127.0.0.1 is already in use"
                    + " (another stack still running? choose other ports or stop it)");
        }
    }
}
