package dev.newsdigest.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Traffic Light Protocol marking, as FIRST's TLP 2.0 standard names and defines it (https://www.first.org/tlp/).
 * Set with {@code digest.tlp}; unset, a digest carries no marking.
 */
public enum Tlp {
    CLEAR("Recipients can spread this to the world, there is no limit on disclosure."),
    GREEN("Limited disclosure, recipients can spread this within their community."),
    AMBER("Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients."),
    AMBER_STRICT("Limited disclosure, restricted to the recipient's organization only."),
    RED("For the eyes and ears of individual recipients only, no further disclosure.");

    private final String definition;

    Tlp(String definition) {
        this.definition = definition;
    }

    /** {@code TLP:AMBER+STRICT}: the label as the standard writes it. */
    public String label() {
        return "TLP:" + name().replace('_', '+');
    }

    /** The standard's one-line definition of the level. */
    public String definition() {
        return definition;
    }

    /** {@code AMBER+STRICT}, {@code tlp:amber}, {@code clear}...; null for an unknown level. */
    public static Tlp parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replaceFirst("^TLP:", "").replace('+', '_');
        return Arrays.stream(values()).filter(t -> t.name().equals(v)).findFirst().orElse(null);
    }

    static String allowed() {
        return Arrays.stream(values()).map(t -> t.name().replace('_', '+')).collect(Collectors.joining(", "));
    }
}
