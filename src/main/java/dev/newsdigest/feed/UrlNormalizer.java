package dev.newsdigest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The de-duplication key of an article link: scheme and host lower-cased, default port, fragment and
 * tracking parameters ({@code utm_*}, {@code fbclid}, ...) removed. The same story reached through two feeds
 * or two campaigns gets one key.
 */
public final class UrlNormalizer {
    private static final Pattern TRACKING = Pattern.compile(
            "(?i)utm_[a-z_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|_hsenc|_hsmi|yclid|igshid|ref_src|cmpid");

    private UrlNormalizer() {
    }

    /** The normalised form of {@code link}, or null when it is not an absolute http(s) URL. */
    public static String normalize(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
            if (!defaultPort) {
                out.append(':').append(port);
            }
            String path = uri.getRawPath();
            out.append(path == null || path.isEmpty() ? "/" : path);
            String query = cleanQuery(uri.getRawQuery());
            if (!query.isEmpty()) {
                out.append('?').append(query);
            }
            return out.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!pair.isEmpty() && !TRACKING.matcher(name).matches()) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }
}
