package dev.newsdigest.config;

import java.time.Duration;

import org.apache.camel.util.TimeUtils;

/**
 * Parses the durations users write in the configuration ({@code 30s}, {@code 15m}, {@code 1h}, {@code 3d},
 * {@code 500ms}, {@code 1h30m}) with Camel's own parser, as Camel reads its own durations. A bare number is refused: in
 * Camel it would mean milliseconds, and {@code digest.poll.interval=15} would poll every 15 ms.
 */
public final class Durations {
    private Durations() {
    }

    public static Duration parse(String key, String text) {
        String value = text == null ? "" : text.trim();
        try {
            if (value.matches("\\d+[a-z]+(\\d+[a-z]+)*")) {
                return TimeUtils.toDuration(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException(key, "'" + text + "' is not a duration; write it like 30s, 15m, 1h or 3d");
    }
}
