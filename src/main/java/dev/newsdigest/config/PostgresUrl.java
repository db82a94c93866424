package dev.newsdigest.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * The checks {@code digest.db.url} passes before anything connects, each failing with one line that names the key and
 * what is wrong: no password in it (the password comes from {@code DIGEST_DB_PASSWORD} only, as every secret does), and
 * each parameter the PostgreSQL driver knows holding a value of its kind, so that a typing slip is not reported later as
 * the driver's bare {@code x}. Values are never repeated in a message when they might be a secret.
 */
final class PostgresUrl {
    static final String KEY = "digest.db.url";
    private static final String PREFIX = "jdbc:postgresql://";

    private PostgresUrl() {
    }

    /** Refuses a URL the application must not use; {@code url} starts with {@code jdbc:postgresql://}. */
    static void check(String url) {
        String rest = url.substring(PREFIX.length());
        int end = indexOfAny(rest, "/?#");
        if (rest.substring(0, end < 0 ? rest.length() : end).contains("@")) {
            // the driver does not read user:password@ (it takes it for part of the host name, and echoes it in its error)
            throw new ConfigException(KEY, "user information before the host (user:password@host) is refused: set the user in"
                    + " digest.db.user and the password in the environment only, DIGEST_DB_PASSWORD");
        }
        int query = rest.indexOf('?');
        if (query < 0) {
            return;
        }
        for (String pair : rest.substring(query + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (decode(name, name).strip().toLowerCase(Locale.ROOT).equals("password")) {
                throw new ConfigException(KEY, "a password in the URL (" + name + "=…) is refused: secrets are read from the"
                        + " environment only; remove it from the URL and set DIGEST_DB_PASSWORD");
            }
            checkValue(name, decode(value, name));
        }
        if (Driver.parseURL(url, null) == null) {
            throw new ConfigException(KEY, "the PostgreSQL driver cannot read this URL; write it as jdbc:postgresql://host:port/database?name=value&...");
        }
    }

    /**
     * A parameter the driver knows, with a value it would refuse when connecting or silently read as something else:
     * not one of its listed choices, not a whole number where it takes one, neither true nor false where it takes a flag.
     * Parameters it does not know, and those that take free text, a size or a class name, are the driver's to judge.
     */
    private static void checkValue(String name, String value) {
        PGProperty property = PGProperty.forName(name);
        if (property == null || property == PGProperty.PASSWORD || property == PGProperty.SSL_PASSWORD) {
            return; // a secret's value is never shown, nor judged here
        }
        String[] choices = property.getChoices();
        String kind = property.getDefaultValue() == null ? "" : property.getDefaultValue();
        if (choices != null && choices.length > 0) {
            // requireAuth takes a comma-separated list of its choices
            boolean list = property == PGProperty.REQUIRE_AUTH;
            for (String one : list ? value.split(",") : new String[] {value}) {
                if (Arrays.stream(choices).noneMatch(c -> c.equalsIgnoreCase(one.strip()))) {
                    throw new ConfigException(KEY, "the parameter " + name + " is '" + value + "', but it takes "
                            + (list ? "a comma-separated list of " : "one of ") + String.join(", ", choices));
                }
            }
        } else if (kind.matches("-?\\d+") && !value.strip().matches("-?\\d{1,10}")) {
            throw new ConfigException(KEY, "the parameter " + name + " is '" + value + "', but it takes a whole number (default "
                    + kind + "): " + description(property));
        } else if ((kind.equals("true") || kind.equals("false")) && !value.strip().matches("(?i)true|false")) {
            throw new ConfigException(KEY, "the parameter " + name + " is '" + value + "', but it takes true or false (default "
                    + kind + "); the driver would read it as false");
        }
    }

    private static String description(PGProperty property) {
        String d = property.getDescription().replaceAll("\\s+", " ").strip();
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** {@code s} (the parameter {@code name}, or its value) percent-decoded; the value is not shown when it is not. */
    private static String decode(String s, String name) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(KEY, "the parameter " + name + " is not percent-encoded correctly: write a % as %25");
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
