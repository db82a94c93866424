package dev.newsdigest.feed;

import dev.newsdigest.model.Article;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.config.Settings;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.config.Redact;
import dev.newsdigest.fetch.FetchException;
import dev.newsdigest.fetch.HttpFetcher;
import dev.newsdigest.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed stage's Java half: lists the configured feeds, fetches each (conditional GET, guarded, capped while
 * reading), parses it, and records the poll's success (with its validators) or failure in the state store.
 */
public class FeedReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    private final Settings settings;
    private final FeedParser parser;
    private final StateStore store;
    private final DigestMetrics metrics;
    private final HttpFetcher http;
    private final AtomicInteger succeeded = new AtomicInteger();

    public FeedReader(Settings settings, FeedParser parser, StateStore store, DigestMetrics metrics, HttpFetcher http) {
        this.settings = settings;
        this.http = http;
        this.metrics = metrics;
        this.parser = parser;
        this.store = store;
    }

    public List<FeedConfig> feeds() {
        return settings.feeds();
    }

    /**
     * One poll of a feed: its answer and the recent entries in it (none after a 304). Nothing counts as a success, and no
     * validator is kept, until the entries are stored ({@link #succeeded}).
     */
    public FeedAnswer read(FeedConfig feed) throws IOException {
        FeedAnswer answer = fetch(feed);
        return answer.notModified() ? answer : answer.with(parse(feed, answer));
    }

    /**
     * A {@code file:} feed read from disk, else a conditional GET through the guarded fetcher (the
     * feed's own host is the operator's choice and allowed; a redirect to any other host is guarded like a page). The
     * size cap holds while reading: a body over it is refused, unread beyond the cap.
     */
    FeedAnswer fetch(FeedConfig feed) throws IOException {
        if (feed.isLocalFile()) {
            Path path = Path.of(URI.create(feed.url()));
            try (InputStream in = Files.newInputStream(path)) {
                return new FeedAnswer(capped(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.fetchMaxBytes() + 1)), false),
                        null, null, null, false, List.of());
            }
        }
        String[] validators = store.feedValidators(feed.id());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/rss+xml, application/rdf+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
        headers.put("If-None-Match", validators[0]);
        headers.put("If-Modified-Since", validators[1]);
        HttpFetcher.Response response = http.get(URI.create(feed.url()), headers, Long.MAX_VALUE, type -> true, HttpFetcher.Hops.NONE);
        if (response.status() == 304) {
            return new FeedAnswer(null, null, null, null, true, List.of());
        }
        if (response.status() < 200 || response.status() >= 300) {
            throw new FetchException("HTTP " + response.status() + " from " + feed.url());
        }
        return new FeedAnswer(capped(response.body(), response.truncated()), response.contentType(), response.etag(),
                response.lastModified(), false, List.of());
    }

    private byte[] capped(byte[] body, boolean truncated) {
        if (truncated || body.length > settings.fetchMaxBytes()) {
            throw new FeedParser.FeedParseException("feed is larger than digest.fetch.max-bytes (" + settings.fetchMaxBytes() + " bytes)");
        }
        return body;
    }

    /** A feed's answer: its body, validators and entries, or {@code notModified} after a 304. */
    public record FeedAnswer(byte[] body, String contentType, String etag, String lastModified, boolean notModified,
                             List<Article> articles) {
        FeedAnswer with(List<Article> entries) {
            return new FeedAnswer(body, contentType, etag, lastModified, notModified, entries);
        }
    }

    private List<Article> parse(FeedConfig feed, FeedAnswer answer) {
        List<Article> articles = parser.parse(feed, answer.body(), answer.contentType());
        metrics.polled(feed.id(), articles.size());
        LOG.info("fetch-feed: {} read, {} recent entries", feed.id(), articles.size());
        return articles;
    }

    /**
     * The answer was parsed and every entry of it is stored: the poll counts as a success, and only now are its
     * validators kept, so that a run killed before this point gets the whole answer again next time.
     */
    public void succeeded(FeedConfig feed, FeedAnswer answer) {
        if (answer.notModified()) {
            LOG.info("fetch-feed: {} not modified (304), nothing to parse", feed.id());
            store.feedSucceeded(feed.id());
        } else if (feed.isLocalFile()) {
            store.feedSucceeded(feed.id());
        } else {
            store.rememberValidators(feed.id(), answer.etag(), answer.lastModified());
        }
        succeeded.incrementAndGet();
    }

    /** Records a failed poll; the run goes on with the other feeds. */
    public void failed(FeedConfig feed, Exception reason) {
        Throwable cause = unwrap(reason);
        String why = cause == null ? "unknown error"
                : cause instanceof FeedParser.FeedParseException || cause instanceof FetchException ? cause.getMessage()
                : Redact.failure(cause);
        if (why.length() > 300) {
            why = why.substring(0, 300);
        }
        store.feedFailed(feed.id(), why);
        metrics.feedError(feed.id());
        LOG.warn("fetch-feed: feed {} failed: {}", feed.id(), why);
    }

    /** The failure itself, not Camel's wrapper around a bean call ("Failed to invoke method: parse(...)"). */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t != null && t.getCause() != null && t.getCause() != t
                && (t instanceof org.apache.camel.CamelExecutionException || t instanceof org.apache.camel.RuntimeCamelException
                || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        return t;
    }

    /** How many feeds this process has read successfully. */
    public int succeededCount() {
        return succeeded.get();
    }
}
