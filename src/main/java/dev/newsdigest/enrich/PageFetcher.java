package dev.newsdigest.enrich;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsdigest.fetch.FetchException;
import dev.newsdigest.fetch.HostLimits;
import dev.newsdigest.fetch.HttpFetcher;

/**
 * Fetches article pages through the guarded {@link HttpFetcher} (address guard on every hop, size cap and deadline
 * while reading), at most {@code digest.fetch.max-per-host} requests in flight per host ({@link HostLimits}, each
 * redirect hop holding its host's slot), and HTML only. A page over the size cap is cut off, not refused.
 */
public class PageFetcher {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");
    private static final Map<String, String> ACCEPT = Map.of("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");

    private final HttpFetcher http;
    private final HostLimits hosts;

    public PageFetcher(HttpFetcher http, HostLimits hosts) {
        this.http = http;
        this.hosts = hosts;
    }

    /** Fetches {@code url} by {@code deadline} (epoch millis); throws {@link FetchException} with the reason when it cannot. */
    public FetchedPage fetch(String url, long deadline) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FetchException("malformed URL");
        }
        HttpFetcher.Response response = http.get(uri, ACCEPT, deadline, PageFetcher::html, new HttpFetcher.Hops() {
            @Override
            public void before(String host) {
                hosts.acquire(host);
            }

            @Override
            public void after(String host, FetchException failure) {
                if (failure != null && failure.hostUnresponsive()) {
                    hosts.unresponsive(host, failure.getMessage());
                } else {
                    hosts.answered(host); // it answered, perhaps with an error: the host itself is fine
                }
                hosts.release(host);
            }
        });
        if (response.status() < 200 || response.status() >= 300) {
            throw new FetchException("HTTP " + response.status());
        }
        if (!html(response.contentType())) {
            throw new FetchException("not HTML (" + mime(response.contentType()) + ")");
        }
        Matcher m = CHARSET.matcher(response.contentType() == null ? "" : response.contentType());
        return new FetchedPage(response.url().toString(), response.body(), m.find() ? m.group(1) : null);
    }

    private static boolean html(String contentType) {
        String mime = mime(contentType);
        return mime.isEmpty() || mime.equals("text/html") || mime.equals("application/xhtml+xml") || mime.equals("text/plain");
    }

    private static String mime(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The bytes of a page (at most the size cap), the URL they came from, and the charset the server named. */
    public record FetchedPage(String url, byte[] body, String charset) {
    }
}
