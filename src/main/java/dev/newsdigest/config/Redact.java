package dev.newsdigest.config;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * URLs as they may be shown in logs, status, dead letters and error messages: secrets hide in them (a Slack-style
 * webhook path, a key in a query string, user:password before the host).
 */
public final class Redact {
    private static final Pattern QUERY_VALUE = Pattern.compile("=[^&#]*");

    private Redact() {
    }

    /** Only the scheme, host and port: for the webhook URL, whose path may be its secret. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return origin(uri) + "/…";
            }
        } catch (java.net.URISyntaxException e) {
            // not a URL: shown as nothing but its length below
        }
        return "(a URL of " + url.length() + " characters)";
    }

    /** Without user information and without any value in the query string: for the model's base URL. */
    public static String queryValues(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() != null && uri.getHost() != null) {
                String query = uri.getRawQuery() == null ? "" : "?" + QUERY_VALUE.matcher(uri.getRawQuery()).replaceAll("=…");
                return origin(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath()) + query;
            }
        } catch (java.net.URISyntaxException e) {
            // not a URL
        }
        return url(url);
    }

    /** Everything after the host of a URL in a text: a webhook's path or query may be its secret. */
    private static final Pattern URL_PATH = Pattern.compile("(?i)\\b(https?://[^/\\s?#]+)[/?#][^\\s]*");

    /** {@code text} on one line, each URL in it cut to its scheme and host. */
    public static String urlsIn(String text) {
        return URL_PATH.matcher(text == null ? "" : text.replaceAll("\\s+", " ").strip()).replaceAll("$1/…");
    }

    /** One line saying what went wrong: the root cause and, when it is wrapped, the outer message; URLs cut to their host. */
    public static String failure(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t.getCause() != null && t.getCause() != t; t = t.getCause()) {
            root = t.getCause();
        }
        String what = root == failure ? "" : " (" + urlsIn(failure.getMessage()) + ")";
        return root.getClass().getSimpleName() + ": " + urlsIn(root.getMessage()) + what;
    }

    /** Scheme, host and port: never the user information. */
    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
}
