package dev.newsdigest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.apache.camel.CamelContext;

/**
 * The system clock, unless a test binds its own as {@code clock} (to publish a later day without waiting a day).
 * Looked up at each reading: a test binds it after this configuration has run. Nothing else binds it.
 */
final class RegistryClock extends Clock {
    private final CamelContext context;
    private final ZoneId zone;

    RegistryClock(CamelContext context, ZoneId zone) {
        this.context = context;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new RegistryClock(context, other);
    }

    @Override
    public Instant instant() {
        Clock bound = context.getRegistry().lookupByNameAndType("clock", Clock.class);
        return bound != null ? bound.instant() : Instant.now();
    }
}
