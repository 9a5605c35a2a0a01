package jp.kyodo.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that runs with the system clock but can be set ahead (tests move time; it never goes back on its own). */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MovableClock(Clock base) {
        this.base = base;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock other = new MovableClock(base.withZone(zone));
        other.offset.set(offset.get());
        return other;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    /** Moves the clock so that it now reads {@code now} (and runs on from there). */
    public void set(Instant now) {
        offset.set(Duration.between(base.instant(), now));
    }

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Back to the system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
