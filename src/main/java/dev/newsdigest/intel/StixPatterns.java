package dev.newsdigest.intel;

/**
 * STIX 2.1 patterns for one observable value: {@code [ipv4-addr:value = '203.0.113.45']}. A value is a string literal of
 * the patterning grammar: a quote and a backslash are escaped with a backslash (STIX 2.1, 9.2), nothing else is.
 */
public final class StixPatterns {
    private StixPatterns() {
    }

    /** {@code [<type>:<path> = '<value>']}; {@code path} is written as given ({@code value}, {@code hashes.'SHA-256'}). */
    public static String equals(String type, String path, String value) {
        return "[" + type + ":" + path + " = '" + literal(value) + "']";
    }

    /** The text of a string literal: {@code it's} becomes {@code it\'s}, {@code a\b} becomes {@code a\\b}. */
    public static String literal(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
