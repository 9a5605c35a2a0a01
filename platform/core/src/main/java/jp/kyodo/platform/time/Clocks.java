package jp.kyodo.platform.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one clock of a service, injected wherever time decides something (due dates, reminders, scheduled steps), so
 * that tests can move it. It is the system clock unless {@value #TEST_CLOCK_PROPERTY} is true: a setting only the
 * tests pass (as a system property of the test JVM or of the services the system tests start), never set by any
 * configuration file of the product. Then it is a {@link MovableClock} that {@link TestClockRoute} moves.
 */
@ApplicationScoped
public class Clocks {

    public static final String TEST_CLOCK_PROPERTY = "kyodo.test-clock.enabled";

    private static final Logger LOG = Logger.getLogger(Clocks.class);

    @ConfigProperty(name = TEST_CLOCK_PROPERTY, defaultValue = "false")
    boolean testClock;

    @Produces
    @Singleton
    Clock clock() {
        if (testClock) {
            LOG.warn("the test clock is on: time can be moved through /test-clock (never in production)");
            return new MovableClock(Clock.systemUTC());
        }
        return Clock.systemUTC();
    }
}
