package dev.newsdigest.hardening;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** digest.concurrency bounds the articles in progress across all feeds together, not per feed. */
class SharedConcurrencyTest extends PipelineTestSupport {
    private static final int PER_FEED = 6;

    SharedConcurrencyTest() {
        web.serve("/a.rss", 200, "application/rss+xml", GeneratedNews.feed("a", 0, PER_FEED, List.of(web), Instant.now()));
        web.serve("/b.rss", 200, "application/rss+xml", GeneratedNews.feed("b", PER_FEED, 2 * PER_FEED, List.of(web), Instant.now()));
        GeneratedNews.servePages(web, 0, 2 * PER_FEED, 0);
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "a,b");
        p.put("digest.feed.a.url", web.url("/a.rss"));
        p.put("digest.feed.b.url", web.url("/b.rss"));
        p.put("digest.concurrency", "3");
        p.put("digest.llm.max-concurrent", "10");
        return p;
    }

    @Test
    void articlesInProgressStayWithinDigestConcurrencyAcrossFeeds() {
        model.delay(300);
        poll();

        assertThat(model.articleRequests()).hasSize(2 * PER_FEED);
        assertThat(model.peakInFlight()).isEqualTo(3);
    }
}
