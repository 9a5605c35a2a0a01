package jp.kyodo.platform.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops Kafka, then PostgreSQL, when the test run ends, while the JVM is still healthy. Left to shutdown hooks, the
 * two would stop concurrently with the JVM's exit, and a broker that halts during exit fails the test fork.
 */
public class StopInfrastructureAtEndOfRun implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestInfrastructure.stopAll();
    }
}
