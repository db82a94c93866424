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
import com.example.digest.delivery.DeliveryFailures;
import com.example.digest.state.StateStore;
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
    private final AtomicInteger succeeded = new AtomicInteger();

    public FeedReader(Settings settings, FeedParser parser, StateStore store) {
        this.settings = settings;
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
        LOG.info("fetch-feed: {} read, {} recent entries", feed.id(), articles.size());
        return articles;
    }

    /** Records a failed poll; the run goes on with the other feeds. */
    public void failed(FeedConfig feed, Exception reason) {
        String why = reason == null ? "unknown error"
                : reason instanceof FeedParser.FeedParseException ? reason.getMessage() : DeliveryFailures.describe(reason);
        if (why.length() > 300) {
            why = why.substring(0, 300);
        }
        store.feedFailed(feed.id(), why);
        LOG.warn("fetch-feed: feed {} failed: {}", feed.id(), why);
    }

    /** How many feeds this process has read successfully. */
    public int succeededCount() {
        return succeeded.get();
    }
}
