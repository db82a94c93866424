package dev.newsdigest.fetch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;

/**
 * The product's one way out: every request it makes (feeds, pages, CVE sources, the webhook, tickets, the model) goes
 * through an instance of this class, made for its kind of request with its {@link Limits}, and every limit is enforced
 * while reading: the address guard on every hop (resolved once, checked, connected to: {@link GuardedDnsResolver}), at
 * most {@value #MAX_REDIRECTS} redirects (GET only), the size cap (what lies beyond it is never read), and one deadline
 * for the whole exchange, connection, headers and body, so a server that drips a byte a second is cut off at the
 * deadline. A connection whose answer was cut off is dropped, never reused. Every request is listed in
 * {@link InFlight} while under way, and cut off when the process stops. Apache HttpClient 5 does the HTTP; it follows no
 * redirect itself and retries nothing (retries are the routes' to count).
 */
public class HttpFetcher implements AutoCloseable {
    static final int MAX_REDIRECTS = 5;

    /** Built on the first fetch (its TLS set-up costs a start that fetches nothing, such as a run whose feeds are files). */
    private final com.google.common.base.Supplier<CloseableHttpClient> client;
    private volatile boolean built;
    private final AddressGuard guard;
    private final Limits limits;
    private final Set<String> trustedHosts;
    private final boolean viaProxy;
    private final Duration timeout;
    private final long maxBytes;
    private final InFlight inFlight;
    private final ScheduledExecutorService deadlines;
    private final ExchangeFailures failures;

    /** A client of its own, for a test: its requests are listed nowhere else. */
    public HttpFetcher(AddressGuard guard, Set<String> trustedHosts, Duration timeout, long maxBytes, String userAgent, Optional<URI> proxy) {
        this(guard, new Limits("fetch", timeout, maxBytes, trustedHosts, "digest.fetch"), userAgent, proxy,
                new InFlight(java.time.Clock.systemUTC()));
    }

    /** A client for one kind of request: {@code limits} say its deadline, size cap and trusted hosts. */
    public HttpFetcher(AddressGuard guard, Limits limits, String userAgent, Optional<URI> proxy, InFlight inFlight) {
        this.guard = guard;
        this.limits = limits;
        this.timeout = limits.timeout();
        this.maxBytes = limits.maxBytes();
        this.inFlight = inFlight;
        this.viaProxy = proxy.isPresent();
        Set<String> trusted = new java.util.HashSet<>(limits.trustedHosts());
        proxy.ifPresent(p -> trusted.add(p.getHost().toLowerCase(Locale.ROOT)));
        this.trustedHosts = Set.copyOf(trusted);
        this.failures = new ExchangeFailures(limits, inFlight);
        this.client = com.google.common.base.Suppliers.memoize(() -> {
            built = true;
            return GuardedClients.build(guard, trustedHosts, timeout, userAgent, proxy);
        });
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deadlines-" + limits.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Called around each hop of a fetch: page fetches take a per-host slot here. */
    public interface Hops {
        Hops NONE = new Hops() { };

        default void before(String host) {
        }

        default void after(String host, FetchException failure) {
        }
    }

    /**
     * Fetches {@code uri}, following up to {@value #MAX_REDIRECTS} redirects, each hop guarded; gives up at
     * {@code deadline} (epoch millis) or at the fetch timeout from now, whichever comes first. {@code accept} decides from
     * the Content-Type whether a 2xx body is wanted (refused otherwise, unread). Throws {@link FetchException} with the reason.
     */
    public Response get(URI uri, Map<String, String> headers, long deadline, java.util.function.Predicate<String> accept, Hops hops) {
        long start = System.currentTimeMillis();
        long until = Math.min(deadline, start + timeout.toMillis());
        String budget = seconds(until - start); // named in the error: the whole fetch's allowance, redirects included
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            guard.check(target);
            String host = target.getHost();
            hops.before(host);
            FetchException failure = null;
            try {
                Response response = exchange(new HttpGet(target), headers, until, budget, accept, true);
                if (response.redirect() == null) {
                    return response;
                }
                target = response.redirect();
            } catch (FetchException e) {
                failure = e;
                throw e;
            } finally {
                hops.after(host, failure);
            }
        }
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects");
    }

    /**
     * Sends one request with a body ({@code POST}, {@code PUT}, ...; a GET without a body goes through {@link #get}),
     * within the deadline and size cap; a redirect is not followed but answered as its status. The answer's status is the
     * caller's to judge.
     */
    public Response send(String method, URI uri, Map<String, String> headers, byte[] body, java.util.function.Predicate<String> accept) {
        if ("GET".equalsIgnoreCase(method) && (body == null || body.length == 0)) {
            return get(uri, headers, Long.MAX_VALUE, accept, Hops.NONE);
        }
        long until = System.currentTimeMillis() + timeout.toMillis();
        guard.check(uri);
        org.apache.hc.client5.http.classic.methods.HttpUriRequestBase request =
                new org.apache.hc.client5.http.classic.methods.HttpUriRequestBase(method.toUpperCase(Locale.ROOT), uri);
        Map<String, String> rest = new java.util.LinkedHashMap<>();
        String type = null;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                type = h.getValue();
            } else {
                rest.put(h.getKey(), h.getValue());
            }
        }
        if (body != null) {
            request.setEntity(new org.apache.hc.core5.http.io.entity.ByteArrayEntity(body,
                    type == null ? null : org.apache.hc.core5.http.ContentType.parse(type)));
        }
        return exchange(request, rest, until, seconds(timeout.toMillis()), accept, false);
    }

    private Response exchange(org.apache.hc.client5.http.classic.methods.HttpUriRequestBase request, Map<String, String> headers, long until,
                              String budget, java.util.function.Predicate<String> accept, boolean follow) {
        URI uri;
        try {
            uri = request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("malformed URL");
        }
        long left = until - System.currentTimeMillis();
        if (left <= 0) {
            throw new FetchException("no time left before the deadline", true);
        }
        if (viaProxy) {
            try {
                guard.resolve(uri.getHost(), trustedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))); // the proxy connects: check the name here
            } catch (java.net.UnknownHostException e) {
                throw new FetchException("unknown host " + uri.getHost());
            }
        }
        headers.forEach((k, v) -> {
            if (v != null) {
                request.setHeader(k, v);
            }
        });
        Timeout remaining = Timeout.ofMilliseconds(left);
        request.setConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(remaining)
                .setConnectionRequestTimeout(remaining).build());
        long registered = inFlight.start(limits.name(), request.getMethod(), uri.getHost(), request);
        ScheduledFuture<?> watchdog = deadlines.schedule(request::cancel, left, TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.get().executeOpen(null, request, null);
            int status = response.getCode();
            if (follow && status >= 300 && status < 400 && status != 304) {
                Header location = response.getFirstHeader("Location");
                request.cancel(); // the body of a redirect is of no interest: never read, the connection is dropped
                if (location == null || location.getValue().isBlank()) {
                    throw new FetchException("HTTP " + status + " without Location");
                }
                try {
                    return Response.redirectTo(uri, uri.resolve(location.getValue().trim()));
                } catch (IllegalArgumentException e) {
                    throw new FetchException("HTTP " + status + " with a malformed Location");
                }
            }
            String contentType = header(response, "Content-Type");
            if (status == 304 || status < 200 || status >= 300 || !accept.test(contentType)) {
                request.cancel();
                return new Response(uri, status, contentType, header(response, "ETag"), header(response, "Last-Modified"),
                        header(response, "Retry-After"), new byte[0], false, null);
            }
            CappedBody body = CappedBody.read(response.getEntity(), request, maxBytes, until);
            return new Response(uri, status, contentType, header(response, "ETag"), header(response, "Last-Modified"),
                    header(response, "Retry-After"), body.bytes(), body.truncated(), null);
        } catch (FetchException e) {
            throw e;
        } catch (RuntimeException e) {
            if (request.isCancelled()) { // cut off by the deadline or a stop while the client was between steps
                throw failures.cutOff(budget);
            }
            throw e;
        } catch (IOException e) {
            throw failures.of(e, uri, until, budget);
        } finally {
            watchdog.cancel(false);
            inFlight.end(registered);
            closeQuietly(response);
        }
    }

    /** Closing a response whose connection was dropped on purpose may fail: nothing more to release then. */
    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException ignored) {
                // already dropped
            }
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    /**
     * An answer: the URL it came from (after redirects), its status, Content-Type and validators, and the body (at most
     * the size cap; {@code truncated} when there was more). {@code redirect} is only set between hops.
     */
    public record Response(URI url, int status, String contentType, String etag, String lastModified, String retryAfter, byte[] body,
                           boolean truncated, URI redirect) {
        static Response redirectTo(URI from, URI target) {
            return new Response(from, 0, null, null, null, null, new byte[0], false, target);
        }
    }

    /** The limits this client was made with. */
    public Limits limits() {
        return limits;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        try {
            if (built) {
                client.get().close();
            }
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
