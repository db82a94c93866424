package dev.newsdigest.summarize;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a URL in running text ends, its host, and the URLs carried inside it. A URL stops at a closing bracket that it
 * did not open ({@code (see http://a.example/x)}), at a comma that starts another field ({@code http://a.example/x,http://b.example/}
 * or a comma before nothing URL-like or before a capitalised word: a CSV field), and before trailing punctuation or an
 * opening bracket; a redirect's percent-encoded target
 * ({@code ?url=http%3A%2F%2Fevil.example%2Fx}) is a URL of its own.
 */
final class UrlIocs {
    /** What may follow a comma inside a URL without ending it: more path or query, not a new field. */
    private static final Pattern NEW_FIELD = Pattern.compile(
            "(?i)(?:[a-z][a-z0-9+.-]*://|www\\.|\\d{1,3}\\.\\d{1,3}\\.|[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?:[/:,]|$)|[0-9a-f]{32}|\\s|$).*",
            Pattern.DOTALL);
    /** A CSV field of words after a comma ({@code …/abc,False,False}, {@code …/foo,Malicious Google…}): not part of the URL. */
    private static final Pattern WORD_FIELD = Pattern.compile("[A-Z][a-z]+(?:[,;].*|$)", Pattern.DOTALL);
    private static final Pattern INNER = Pattern.compile("(?i)https?(?::|%3A)(?:/|%2F){2}[^&\\s]+");
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?'\"*\\[({<]+$");

    private UrlIocs() {
    }

    /** The URL that {@code candidate} (a run of non-space characters starting with a scheme) really is. */
    static String end(String candidate) {
        int depth = 0;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return trim(candidate.substring(0, i));
                }
                depth--;
            } else if (c == ',' && (NEW_FIELD.matcher(candidate.substring(i + 1)).matches()
                    || WORD_FIELD.matcher(candidate.substring(i + 1)).matches())) {
                return trim(candidate.substring(0, i));
            }
        }
        return trim(candidate);
    }

    private static String trim(String url) {
        return TRAILING.matcher(url).replaceAll("");
    }

    /** How two URLs compare: scheme and host in any case, path and query as written. */
    static String key(String url) {
        int scheme = url.indexOf("://");
        int hostEnd = scheme < 0 ? 0 : scheme + 3;
        while (hostEnd < url.length() && "/?#\\".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        return url.substring(0, hostEnd).toLowerCase(Locale.ROOT) + url.substring(hostEnd);
    }

    /** The URLs carried inside {@code url}, plain or percent-encoded, each as it would be written (decoded). */
    static List<String> inner(String url) {
        List<String> found = new ArrayList<>();
        Matcher m = INNER.matcher(url);
        if (m.find(1)) {
            do {
                String raw = m.group();
                String decoded = raw;
                if (raw.contains("%")) {
                    try {
                        decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        continue; // a broken escape: no inner URL to speak of
                    }
                }
                String inner = end(decoded.strip());
                if (host(inner) != null) {
                    found.add(inner);
                    found.addAll(inner(inner));
                }
            } while (m.find());
        }
        if (found.isEmpty() && url.contains("%25")) {
            try {
                return inner(URLDecoder.decode(url, StandardCharsets.UTF_8)); // encoded twice, as click trackers do
            } catch (IllegalArgumentException e) {
                return found;
            }
        }
        return found;
    }

    /**
     * The host of a URL (with a scheme or without one), lower-cased, without user info, port or IPv6 brackets; null when
     * there is none, or when what stands there is no host name or IP address, or the port is not a number
     * ({@code http://example,com/}, {@code http://fdc4:2581:…} unbracketed). Read by hand, because {@link java.net.URI}
     * refuses characters that real links carry ({@code |}, raw spaces in queries).
     */
    static String host(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = start;
        while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 || !authority.substring(1, close).contains(":") ? null : authority.substring(1, close);
            port = close < 0 ? "" : authority.substring(close + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon);
        }
        if (host == null || host.isEmpty() || !HostNames.validUrlHost(host) || !port.matches("(?::\\d{0,5})?")) {
            return null;
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
