package jp.kyodo.stack;

import java.time.Duration;
import java.util.OptionalLong;

/** A component that runs as a child process of the launcher (Kafka, Keycloak, a service). */
abstract class ProcessComponent extends Component {

    private final Duration stopGrace;
    protected ChildProcess process;

    ProcessComponent(String name, StackConfig config, Progress progress, Duration stopGrace) {
        super(name, config, progress);
        this.stopGrace = stopGrace;
    }

    @Override
    void stop() {
        ChildProcess running = process;
        process = null;
        if (running != null) {
            running.stop(stopGrace);
        }
    }

    @Override
    void kill() {
        ChildProcess running = process;
        process = null;
        if (running != null) {
            running.kill();
        }
    }

    @Override
    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The PID of the process the launcher started (for Keycloak the {@code kc.sh} wrapper, whose child is the JVM). */
    @Override
    OptionalLong pid() {
        return isRunning() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }
}
