package com.example.digest.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks {@code digest.db.url} passes before anything connects, each failing with one line that names the key and
 * what is wrong: no password in it (the password comes from {@code DIGEST_DB_PASSWORD} only, as every secret does).
 * Values are never repeated in a message when they might be a secret.
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
            if (decode(name, name).strip().toLowerCase(Locale.ROOT).equals("password")) {
                throw new ConfigException(KEY, "a password in the URL (" + name + "=…) is refused: secrets are read from the"
                        + " environment only; remove it from the URL and set DIGEST_DB_PASSWORD");
            }
        }
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
