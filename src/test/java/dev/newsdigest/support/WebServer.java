package dev.newsdigest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real local HTTP server for feeds and pages: each path answers with a fixed status, type and body. */
public final class WebServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public record Response(int status, String contentType, byte[] body) {
    }

    /** A request as received: its headers (names lower-cased), body, and when it came. */
    public record Request(Map<String, String> headers, String body, byte[] bytes, java.time.Instant receivedAt) {
    }

    private final Map<String, java.util.Deque<Response>> queued = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> extraHeaders = new ConcurrentHashMap<>();

    /** Answers the next requests on {@code path} with these statuses, in order, before the path's usual response. */
    public WebServer queue(String path, int... statuses) {
        java.util.Deque<Response> q = queued.computeIfAbsent(path, p -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int status : statuses) {
            q.add(new Response(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService later = java.util.concurrent.Executors.newScheduledThreadPool(2);

    /** Waits this long before answering on {@code path}: a server that is too slow. */
    public WebServer delay(String path, long millis) {
        delays.put(path, millis);
        return this;
    }

    /** Adds a header to every response on {@code path}, e.g. Retry-After. */
    public WebServer header(String path, String name, String value) {
        extraHeaders.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(name, value);
        return this;
    }

    private final Map<String, java.util.List<Request>> requests = new ConcurrentHashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    public WebServer() {
        this(InetAddress.getLoopbackAddress().getHostAddress());
    }

    /** A server on one loopback address, e.g. 127.0.0.2: another host name for the per-host limits. */
    public WebServer(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The most requests this server was answering at once. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    public WebServer serve(String path, int status, String contentType, String body) {
        responses.put(path, new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public WebServer serveBytes(String path, int status, String contentType, byte[] body) {
        responses.put(path, new Response(status, contentType, body));
        return this;
    }

    /** Serves a test resource, with {@code {{base}}} replaced by this server's base URL. */
    public WebServer serveResource(String path, String contentType, String resource) {
        return serve(path, 200, contentType, Fixtures.text(resource).replace("{{base}}", base()));
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The requests received on {@code path}, oldest first. */
    public java.util.List<Request> requests(String path) {
        return java.util.List.copyOf(requests.getOrDefault(path, java.util.List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            byte[] bytes = in.readAllBytes();
            requests.computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(new Request(headers, new String(bytes, StandardCharsets.UTF_8), bytes, java.time.Instant.now()));
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        }
        Long delay = delays.get(path);
        if (delay == null) {
            respond(exchange, path);
        } else {
            // a slow server: the answer goes out later, without holding a thread
            later.schedule(() -> respond(exchange, path), delay, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    /** A body written piece by piece: {@code total} bytes of {@code filler}, {@code chunk} bytes at a time, {@code pauseMillis} apart. */
    private record Stream(String contentType, String prefix, byte filler, long total, int chunk, long pauseMillis) {
    }

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> sent = new ConcurrentHashMap<>();

    /**
     * Serves {@code path} as a body of {@code total} bytes generated while writing (nothing held in memory), starting with
     * {@code prefix}, {@code chunk} bytes every {@code pauseMillis}: a huge feed, or a page that drips.
     */
    public WebServer stream(String path, String contentType, String prefix, long total, int chunk, long pauseMillis) {
        streams.put(path, new Stream(contentType, prefix, (byte) ' ', total, chunk, pauseMillis));
        return this;
    }

    /** The bytes of {@code path}'s streamed bodies that went out before the client hung up or the body ended. */
    public long bytesSent(String path) {
        var n = sent.get(path);
        return n == null ? 0 : n.get();
    }

    private void writeStream(HttpExchange exchange, String path, Stream s) throws IOException {
        var counter = sent.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicLong());
        exchange.getResponseHeaders().set("Content-Type", s.contentType());
        exchange.sendResponseHeaders(200, 0); // chunked: no length announced
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] prefix = s.prefix().getBytes(StandardCharsets.UTF_8);
            out.write(prefix);
            out.flush();
            counter.addAndGet(prefix.length);
            byte[] piece = new byte[s.chunk()];
            java.util.Arrays.fill(piece, s.filler());
            for (long written = prefix.length; written < s.total(); written += piece.length) {
                if (s.pauseMillis() > 0) {
                    // the server's own pace (a page that drips); no test waits on this clock, they wait on conditions
                    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(s.pauseMillis());
                }
                out.write(piece);
                out.flush();
                counter.addAndGet(piece.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves {@code path} with this ETag and answers 304 to a request that already has it. */
    public WebServer etag(String path, String etag) {
        etags.put(path, etag);
        return this;
    }

    private void respond(HttpExchange exchange, String path) {
        // no longer in flight once the answer starts: the client cannot send its next request before it has this
        // answer, so counting down after the write could see a next request overlap its own previous one
        inFlight.decrementAndGet();
        try {
            String etag = etags.get(path);
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            Stream stream = streams.get(path);
            if (stream != null) {
                writeStream(exchange, path, stream);
                return;
            }
            java.util.Deque<Response> q = queued.get(path);
            Response next = q == null ? null : q.poll();
            Response r = next != null ? next : responses.get(path);
            extraHeaders.getOrDefault(path, Map.of()).forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (r == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", r.contentType());
            exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(r.body());
            }
        } catch (IOException e) {
            // the client gave up (a timeout under test): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        later.shutdownNow();
    }
}
