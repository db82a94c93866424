package dev.newsdigest.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in a route test (bound as {@code clock}): now, until the test moves it on, e.g. to the next
 * day, so that two days pass through the real routes in one test.
 */
public final class MovableClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    /** Moves the clock on by {@code by}, from where it is. */
    public void moveOn(Duration by) {
        ahead = ahead.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application asks the bound clock for instants only");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }
}
