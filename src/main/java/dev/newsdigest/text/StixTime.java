package dev.newsdigest.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** STIX 2.1 timestamps: UTC, {@code Z}, milliseconds for an object's times, microseconds for TAXII's date_added. */
public final class StixTime {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StixTime() {
    }

    /** An object's timestamp, to the millisecond. */
    public static String millis(Instant t) {
        return MILLIS.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A date_added, to the microsecond. */
    public static String micros(Instant t) {
        return MICROS.format(t.truncatedTo(ChronoUnit.MICROS));
    }

    /** {@code wanted}, or a millisecond after {@code stored} when that is not later: a new version is always later. */
    public static String later(String wanted, String stored) {
        Instant w = Instant.parse(wanted);
        Instant s = Instant.parse(stored);
        return millis(w.isAfter(s) ? w : s.plusMillis(1));
    }
}
