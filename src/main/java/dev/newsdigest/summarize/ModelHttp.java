package dev.newsdigest.summarize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsdigest.fetch.FetchException;
import dev.newsdigest.fetch.HttpFetcher;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * LangChain4j's HTTP client for every provider, made of the product's one guarded client: a model call has one deadline
 * for the whole exchange ({@code digest.llm.timeout}) and a size cap on its answer ({@code digest.llm.max-bytes}), both
 * holding while reading, like every other request. LangChain4j's own JDK client reads the whole answer into a String
 * and times each read only. Streaming is not used by the product and is refused.
 */
public final class ModelHttp implements HttpClient {
    private final HttpFetcher http;

    public ModelHttp(HttpFetcher http) {
        this.http = http;
    }

    /** A builder that gives this client whatever LangChain4j asks of it: the timeouts are the guarded client's. */
    public static HttpClientBuilder builder(HttpFetcher http) {
        return new HttpClientBuilder() {
            private Duration connect;
            private Duration read;

            @Override
            public Duration connectTimeout() {
                return connect;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                connect = timeout;
                return this;
            }

            @Override
            public Duration readTimeout() {
                return read;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                read = timeout;
                return this;
            }

            @Override
            public HttpClient build() {
                return new ModelHttp(http);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                headers.put(name, String.join(", ", values));
            }
        });
        byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
        HttpFetcher.Response r;
        try {
            r = http.send(request.method().name(), URI.create(request.url()), headers, body, type -> true);
        } catch (FetchException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("timed out")) {
                throw new TimeoutException(e.getMessage(), e);
            }
            throw e;
        }
        if (r.truncated()) {
            throw new FetchException("the model's answer is larger than " + http.limits().maxBytesKey() + " (" + http.limits().maxBytes() + " bytes)");
        }
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (r.status() < 200 || r.status() >= 300) {
            // the provider's error text (not the answer: none was read for an error status) stays out: only the status
            throw new HttpException(r.status(), "HTTP " + r.status() + " from the model server");
        }
        Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
        if (r.contentType() != null) {
            answerHeaders.put("Content-Type", List.of(r.contentType()));
        }
        return SuccessfulHttpResponse.builder().statusCode(r.status()).headers(answerHeaders).body(text).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("streaming model answers are not used"));
    }
}
