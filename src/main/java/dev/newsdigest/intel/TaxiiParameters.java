package dev.newsdigest.intel;

import dev.newsdigest.text.StixTime;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.newsdigest.state.IntelQueries;

/**
 * The URL query parameters of a TAXII request (TAXII 2.1, 3.4), read and checked: {@code added_after}, {@code limit},
 * {@code next} and {@code match[<field>]}. A parameter given twice, a {@code match} value listed twice, or a value that
 * is not what TAXII says it is, is a {@link BadRequest} (400); a {@code match} field this server does not know is
 * ignored, as TAXII allows.
 */
final class TaxiiParameters {
    /** The most objects one answer carries, whatever {@code limit} asks. */
    static final int MAX_PAGE = 500;
    /** The most values one {@code match} field may list. */
    static final int MAX_VALUES = 100;

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME).toFormatter();
    private static final Pattern SPEC_VERSION = Pattern.compile("\\d+\\.\\d+");

    private final Map<String, String> values;

    private TaxiiParameters(Map<String, String> values) {
        this.values = values;
    }

    /** A request's parameters from its raw (still percent-encoded) query; null or empty: none. */
    static TaxiiParameters parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (values.putIfAbsent(name, value) != null) {
                    throw new BadRequest("the parameter " + name + " is given more than once");
                }
            }
        }
        return new TaxiiParameters(values);
    }

    /** {@code added_after}: null when absent. */
    Instant addedAfter() {
        String value = values.get("added_after");
        return value == null ? null : timestamp("added_after", value);
    }

    /** {@code limit}, at most {@link #MAX_PAGE}; {@link #MAX_PAGE} when absent. */
    int limit() {
        String value = values.get("limit");
        if (value == null) {
            return MAX_PAGE;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1) {
                throw new BadRequest("limit must be a positive integer, not " + limit);
            }
            return Math.min(limit, MAX_PAGE);
        } catch (NumberFormatException e) {
            if (value.matches("\\d{1,50}")) {
                return MAX_PAGE; // a positive integer too large for int: the server's maximum applies
            }
            throw new BadRequest("limit must be a positive integer");
        }
    }

    /** {@code next}: where the previous page ended; null when absent. */
    IntelQueries.Cursor next() {
        String value = values.get("next");
        if (value == null) {
            return null;
        }
        try {
            return IntelQueries.Cursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("next is not a value this server gave out");
        }
    }

    /** {@code match[id]}: the ids asked for; empty when absent. */
    List<String> ids() {
        return list("id");
    }

    /** {@code match[type]}: the types asked for; empty when absent. A type this collection does not hold matches nothing. */
    List<String> types() {
        return list("type");
    }

    /**
     * {@code match[version]}: {@code last} when absent; {@code all} alone or with nothing else; {@code first},
     * {@code last} and timestamps in any combination. A timestamp matches a version stored in any of the forms
     * STIX writes it in (to the second, millisecond or microsecond).
     */
    IntelQueries.Versions versions() {
        List<String> asked = list("version");
        if (asked.isEmpty()) {
            return IntelQueries.Versions.LAST;
        }
        if (asked.contains("all")) {
            if (asked.size() > 1) {
                throw new BadRequest("match[version]=all may not be combined with another version");
            }
            return IntelQueries.Versions.ALL;
        }
        Set<String> exact = new LinkedHashSet<>();
        for (String value : asked) {
            if (!value.equals("first") && !value.equals("last")) {
                exact.add(value);
                exact.addAll(stixForms(timestamp("match[version]", value)));
            }
        }
        return new IntelQueries.Versions(false, asked.contains("first"), asked.contains("last"), new ArrayList<>(exact));
    }

    /**
     * Whether {@code match[spec_version]} lets STIX {@value IntelQueries#SPEC_VERSION} through (every object here is
     * of that version); true when absent.
     */
    boolean specVersionMatches() {
        List<String> asked = list("spec_version");
        for (String value : asked) {
            if (!SPEC_VERSION.matcher(value).matches()) {
                throw new BadRequest("match[spec_version] lists versions such as 2.1, not " + value);
            }
        }
        return asked.isEmpty() || asked.contains(IntelQueries.SPEC_VERSION);
    }

    private List<String> list(String field) {
        String value = values.get("match[" + field + "]");
        if (value == null) {
            return List.of();
        }
        String[] parts = value.split(",", -1);
        if (parts.length > MAX_VALUES) {
            throw new BadRequest("match[" + field + "] lists more than " + MAX_VALUES + " values");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 300) {
                throw new BadRequest("match[" + field + "] has an empty or overlong value (values are separated by a comma, without spaces)");
            }
            if (!distinct.add(part)) {
                throw new BadRequest("match[" + field + "] lists " + part + " more than once");
            }
        }
        return List.copyOf(distinct);
    }

    private static Instant timestamp(String name, String value) {
        try {
            return OffsetDateTime.parse(value, TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a timestamp such as 2026-11-25T16:00:00.000000Z");
        }
    }

    /** The forms STIX writes {@code t} in: to the second when it has no fraction, to the millisecond when it has no more. */
    private static List<String> stixForms(Instant t) {
        List<String> forms = new ArrayList<>();
        if (t.getNano() == 0) {
            forms.add(DateTimeFormatter.ISO_INSTANT.format(t));
        }
        if (t.truncatedTo(ChronoUnit.MILLIS).equals(t)) {
            forms.add(StixTime.millis(t));
        }
        if (t.truncatedTo(ChronoUnit.MICROS).equals(t)) {
            forms.add(StixTime.micros(t));
        }
        return forms;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("the query is not validly percent-encoded");
        }
    }

    /** A request whose parameters are malformed: TAXII says 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
