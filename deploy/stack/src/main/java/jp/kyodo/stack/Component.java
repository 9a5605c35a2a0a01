package jp.kyodo.stack;

import java.nio.file.Path;
import java.util.OptionalLong;

/** One part of the stack that can be started (blocking until it is ready), stopped and started again. */
abstract class Component {

    protected final String name;
    protected final StackConfig config;
    protected final Progress progress;

    Component(String name, StackConfig config, Progress progress) {
        this.name = name;
        this.config = config;
        this.progress = progress;
    }

    private boolean startedBefore;

    /** The first start in this stack empties the component's log; restarts (fault tests) append to it. */
    protected final void prepareLog() throws java.io.IOException {
        java.nio.file.Files.createDirectories(logFile().getParent());
        if (!startedBefore) {
            java.nio.file.Files.deleteIfExists(logFile());
            startedBefore = true;
        }
    }

    final String name() {
        return name;
    }

    /** Starts and returns once ready; throws {@link StackException} (naming the log) otherwise. */
    abstract void start() throws Exception;

    /** Stops it and everything it spawned; safe to call when not (or only partly) started. */
    abstract void stop();

    /** Ends it at once with SIGKILL, leaving no chance to finish anything (a crash, for fault tests). */
    void kill() {
        throw new UnsupportedOperationException(name + " cannot be killed, only stopped");
    }

    abstract boolean isRunning();

    abstract int port();

    /** How a client reaches it: an http URL, the Kafka bootstrap servers or the PostgreSQL JDBC server URL. */
    abstract String url();

    abstract OptionalLong pid();

    abstract Path logFile();

    /** Whether it can be started at all (a service's jar exists), with the reason if not. */
    String unavailableReason() {
        return null;
    }
}
