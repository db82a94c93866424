package dev.newsdigest.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * A route's HTTP request through the one guarded client ({@link HttpFetcher}), in place of camel-http: the routes call
 * this processor rather than an {@code http:} endpoint, because camel-http's stream caching and its per-read timeouts
 * would read a whole answer before any cap applies and let a server drip for ever (both seen). The request is the
 * message: {@code CamelHttpMethod} (GET by default), {@code CamelHttpUri}, the other headers as they are (Camel's own
 * left out) and the body. The answer replaces it: {@code CamelHttpResponseCode}, {@code Content-Type}, {@code ETag},
 * {@code Last-Modified} and the body as bytes. An answer larger than the call's cap is a failure; so is a status other
 * than 2xx, unless the call takes every status ({@code throwOnFailure} false), and a 2xx redirect is not followed for a
 * request with a body.
 */
public class HttpCall implements Processor {
    /** Headers the client sets itself, or that mean nothing to the server. */
    private static final Set<String> NOT_SENT = Set.of("content-length", "host", "transfer-encoding", "connection", "user-agent");

    private final HttpFetcher http;
    private final boolean throwOnFailure;

    public HttpCall(HttpFetcher http, boolean throwOnFailure) {
        this.http = http;
        this.throwOnFailure = throwOnFailure;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        String method = in.getHeader(Exchange.HTTP_METHOD, "GET", String.class).toUpperCase(Locale.ROOT);
        URI uri;
        try {
            uri = URI.create(in.getHeader(Exchange.HTTP_URI, String.class));
        } catch (RuntimeException e) {
            throw new FetchException("malformed URL");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        in.getHeaders().forEach((k, v) -> {
            if (v != null && !k.startsWith("Camel") && !k.startsWith("camel") && !NOT_SENT.contains(k.toLowerCase(Locale.ROOT))) {
                headers.put(k, v.toString());
            }
        });
        byte[] body = method.equals("GET") || method.equals("DELETE") ? null : in.getBody(byte[].class);
        HttpFetcher.Response r = method.equals("GET") ? http.get(uri, headers, Long.MAX_VALUE, type -> true, HttpFetcher.Hops.NONE)
                : http.send(method, uri, headers, body == null ? new byte[0] : body, type -> true);
        if (r.truncated()) {
            throw new FetchException("answer larger than " + http.limits().maxBytesKey() + " (" + http.limits().maxBytes() + " bytes)");
        }
        if (throwOnFailure && (r.status() < 200 || r.status() >= 300)) {
            throw new HttpStatusException(r.status(), r.url(), r.retryAfter());
        }
        in.removeHeaders("*", "CamelRedelivery*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, r.status());
        setIfPresent(in, "Content-Type", r.contentType());
        setIfPresent(in, "ETag", r.etag());
        setIfPresent(in, "Last-Modified", r.lastModified());
        in.setBody(r.body());
    }

    private static void setIfPresent(Message in, String name, String value) {
        if (value != null) {
            in.setHeader(name, value);
        }
    }
}
