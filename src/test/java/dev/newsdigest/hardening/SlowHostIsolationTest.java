package dev.newsdigest.hardening;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose pages time out is skipped after 3 failures in a row: its remaining articles use the feed text at once
 * instead of keeping the shared workers waiting, and the other host's articles go through.
 */
class SlowHostIsolationTest extends PipelineTestSupport {
    private static final int SLOW_ARTICLES = 8;
    private static final int FAST_ARTICLES = 3;
    private final WebServer slowHost = new WebServer("127.0.0.2");

    SlowHostIsolationTest() {
        String slowFeed = GeneratedNews.feed("slow", 0, SLOW_ARTICLES, List.of(slowHost), Instant.now());
        String fastFeed = GeneratedNews.feed("fast", SLOW_ARTICLES, SLOW_ARTICLES + FAST_ARTICLES, List.of(web), Instant.now());
        web.serve("/slow.rss", 200, "application/rss+xml", slowFeed).serve("/fast.rss", 200, "application/rss+xml", fastFeed);
        GeneratedNews.servePages(slowHost, 0, SLOW_ARTICLES, 5000); // longer than digest.fetch.timeout
        GeneratedNews.servePages(web, SLOW_ARTICLES, SLOW_ARTICLES + FAST_ARTICLES, 0);
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "slow,fast");
        p.put("digest.feed.slow.url", web.url("/slow.rss"));
        p.put("digest.feed.fast.url", web.url("/fast.rss"));
        p.put("digest.fetch.timeout", "1s");
        p.put("digest.concurrency", "4");
        return p;
    }

    @AfterEach
    void closeSlowHost() {
        slowHost.close();
    }

    @Test
    void aHostThatKeepsTimingOutIsSkippedSoTheOtherArticlesGoThrough() {
        try (LogCapture logs = new LogCapture()) {
            poll();
            publish();
            assertThat(logs.warnings()).anyMatch(w -> w.contains("host 127.0.0.2 failed") && w.contains("requests in a row"));
        }
        int asked = IntStream.range(0, SLOW_ARTICLES).map(n -> slowHost.hits(GeneratedNews.pagePath(n))).sum();
        assertThat(asked).as("requests to the slow host before it was skipped").isLessThanOrEqualTo(4);
        JsonNode items = digestJson().path("items");
        assertThat(items).hasSize(SLOW_ARTICLES + FAST_ARTICLES);
        for (JsonNode item : items) {
            boolean slow = item.path("url").asText().contains("127.0.0.2");
            assertThat(item.path("textSource").asText()).as(item.path("url").asText()).isEqualTo(slow ? "feed" : "page");
        }
    }
}
