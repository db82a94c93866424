package dev.newsdigest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A TAXII 2.1 client as far as the tests need one: the JDK's HTTP client (HTTP/1.1), {@code Accept:
 * application/taxii+json;version=2.1} and the credentials it was given on every request, and the answer read as JSON.
 */
public final class TaxiiClient {
    public static final String TAXII = "application/taxii+json;version=2.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final Map<String, String> headers;

    private TaxiiClient(HttpClient http, String base, Map<String, String> headers) {
        this.http = http;
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** A client of the server at {@code base} (scheme, host and port), without credentials. */
    public static TaxiiClient of(String base) {
        return of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(), base);
    }

    /** A client of the server at {@code base} through {@code http} (one with a trust store, for HTTPS). */
    public static TaxiiClient of(HttpClient http, String base) {
        return new TaxiiClient(http, base, Map.of("Accept", TAXII));
    }

    public TaxiiClient basic(String user, String password) {
        return with("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public TaxiiClient bearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    /** This client sending {@code name: value} too (or instead of its own {@code name}); a null value sends none. */
    public TaxiiClient with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.remove(name);
        if (value != null) {
            more.put(name, value);
        }
        return new TaxiiClient(http, base, more);
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody());
    }

    public Answer send(String method, String pathAndQuery, HttpRequest.BodyPublisher body) {
        // match[type] as a client sends it: brackets percent-encoded (java.net.URI takes none in a query)
        String encoded = pathAndQuery.replace("[", "%5B").replace("]", "%5D");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + encoded)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server answered. */
    public record Answer(int status, HttpResponse<String> response, String text) {
        public JsonNode json() {
            try {
                return text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }
}
