package com.example.digest.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches article pages with the JDK client: timeouts, the User-Agent, at most 5 redirects (each hop checked
 * by the {@link AddressGuard}), a limit on requests in flight per host ({@link HostLimits}), HTML only, and a
 * size cap applied while reading, so a huge page is cut off rather than buffered.
 */
public class PageFetcher {
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration timeout;
    private final long maxBytes;
    private final String userAgent;
    private final HostLimits hosts;

    public PageFetcher(AddressGuard guard, HostLimits hosts, Duration timeout, long maxBytes, String userAgent, Optional<URI> proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        proxy.ifPresent(p -> builder.proxy(ProxySelector.of(new InetSocketAddress(p.getHost(), p.getPort()))));
        this.client = builder.build();
        this.guard = guard;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
        this.hosts = hosts;
    }

    /** Fetches {@code url}, following redirects; throws {@link PageFetchException} with the reason when it cannot. */
    public FetchedPage fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PageFetchException("malformed URL");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(uri);
            String host = uri.getHost();
            hosts.acquire(host);
            try {
                FetchedPage page = fetchOnce(uri);
                hosts.answered(host);
                if (page.redirect() == null) {
                    return page;
                }
                uri = page.redirect();
            } catch (PageFetchException e) {
                if (e.hostUnresponsive()) {
                    hosts.unresponsive(host, e.getMessage());
                } else {
                    hosts.answered(host); // it answered, with an error: the host itself is fine
                }
                throw e;
            } finally {
                hosts.release(host);
            }
        }
        throw new PageFetchException("more than " + MAX_REDIRECTS + " redirects");
    }

    /** One request: the page, or a {@link FetchedPage} that only names where it redirects. */
    private FetchedPage fetchOnce(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                .GET()
                .build();
        HttpResponse<InputStream> response = send(request);
        int status = response.statusCode();
        if (status >= 300 && status < 400 && status != 304) {
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new PageFetchException("HTTP " + status + " without Location"));
            close(response);
            return FetchedPage.redirectTo(uri.resolve(location.trim()));
        }
        try (InputStream body = response.body()) {
            if (status < 200 || status >= 300) {
                throw new PageFetchException("HTTP " + status);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("text/html");
            String mime = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!mime.isEmpty() && !mime.equals("text/html") && !mime.equals("application/xhtml+xml") && !mime.equals("text/plain")) {
                throw new PageFetchException("not HTML (" + mime + ")");
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            Matcher m = CHARSET.matcher(contentType);
            return new FetchedPage(uri.toString(), bytes, m.find() ? m.group(1) : null, null);
        } catch (HttpTimeoutException e) {
            throw new PageFetchException("read timed out", true);
        } catch (IOException e) {
            throw new PageFetchException("read failed: " + e.getMessage());
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new PageFetchException("timed out after " + timeout.toSeconds() + "s", true);
        } catch (IOException e) {
            throw new PageFetchException("connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageFetchException("interrupted");
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the body of a redirect is of no interest
        }
    }

    /** The bytes of a page (at most the size cap), the URL they came from, and the charset the server named. */
    public record FetchedPage(String url, byte[] body, String charset, URI redirect) {
        static FetchedPage redirectTo(URI target) {
            return new FetchedPage(target.toString(), new byte[0], null, target);
        }
    }
}
