package com.example.digest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.digest.config.FeedConfig;
import com.example.digest.config.Settings;
import com.example.digest.observe.DigestMetrics;
import com.example.digest.delivery.DeliveryFailures;
import com.example.digest.state.StateStore;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed stage's Java half: lists the configured feeds, reads {@code file:} feeds, enforces the size cap on
 * fetched bodies, parses them, and records each feed's success or failure in the state store.
 */
public class FeedReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    private final Settings settings;
    private final FeedParser parser;
    private final StateStore store;
    private final DigestMetrics metrics;
    private final AtomicInteger succeeded = new AtomicInteger();

    public FeedReader(Settings settings, FeedParser parser, StateStore store, DigestMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.parser = parser;
        this.store = store;
    }

    public List<FeedConfig> feeds() {
        return settings.feeds();
    }

    /** The bytes of a {@code file:} feed, at most the size cap. */
    public byte[] readFile(FeedConfig feed) throws IOException {
        Path path = Path.of(URI.create(feed.url()));
        try (InputStream in = Files.newInputStream(path)) {
            return capped(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.fetchMaxBytes() + 1)));
        }
    }

    /** A fetched body, refused when it is over {@code digest.fetch.max-bytes}. */
    public byte[] capped(byte[] body) {
        if (body != null && body.length > settings.fetchMaxBytes()) {
            throw new FeedParser.FeedParseException("feed is larger than digest.fetch.max-bytes (" + settings.fetchMaxBytes() + " bytes)");
        }
        return body;
    }

    public List<Article> parse(FeedConfig feed, byte[] body, String contentType) {
        List<Article> articles = parser.parse(feed, body, contentType);
        store.feedSucceeded(feed.id());
        succeeded.incrementAndGet();
        metrics.polled(feed.id(), articles.size());
        LOG.info("fetch-feed: {} read, {} recent entries", feed.id(), articles.size());
        return articles;
    }

    /** The ETag of the feed's last poll, sent as If-None-Match; null when there is none. */
    public String etag(FeedConfig feed) {
        return store.feedValidators(feed.id())[0];
    }

    /** The Last-Modified of the feed's last poll, sent as If-Modified-Since; null when there is none. */
    public String lastModified(FeedConfig feed) {
        return store.feedValidators(feed.id())[1];
    }

    /**
     * Keeps the validators of a fresh answer for the next poll. Bound by annotation, not by a method expression:
     * Camel would strip the quotes that are part of an ETag.
     */
    public void remember(@Variable("feed") FeedConfig feed, @Header("ETag") String etag, @Header("Last-Modified") String lastModified) {
        store.rememberValidators(feed.id(), etag, lastModified);
    }

    /** The feed answered 304: nothing changed, nothing to parse. */
    public void notModified(FeedConfig feed) {
        store.feedSucceeded(feed.id());
        succeeded.incrementAndGet();
        LOG.info("fetch-feed: {} not modified (304), nothing to parse", feed.id());
    }

    /** Records a failed poll; the run goes on with the other feeds. */
    public void failed(FeedConfig feed, Exception reason) {
        String why = reason == null ? "unknown error"
                : reason instanceof FeedParser.FeedParseException ? reason.getMessage() : DeliveryFailures.describe(reason);
        if (why.length() > 300) {
            why = why.substring(0, 300);
        }
        store.feedFailed(feed.id(), why);
        metrics.feedError(feed.id());
        LOG.warn("fetch-feed: feed {} failed: {}", feed.id(), why);
    }

    /** How many feeds this process has read successfully. */
    public int succeededCount() {
        return succeeded.get();
    }
}
