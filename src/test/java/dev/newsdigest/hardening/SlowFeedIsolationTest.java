package dev.newsdigest.hardening;

import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds are polled in parallel: a feed that takes seconds to answer does not hold up the articles of the others. */
class SlowFeedIsolationTest extends PipelineTestSupport {
    private static final long SLOW_MILLIS = 5000;

    SlowFeedIsolationTest() {
        web.serveResource("/slow.rss", "application/rss+xml; charset=utf-8", "fixtures/news.atom");
        web.delay("/slow.rss", SLOW_MILLIS);
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "slow,news"); // the slow feed first: polled one after the other, it would hold up news
        p.put("digest.feed.slow.url", web.url("/slow.rss"));
        p.put("digest.feed.slow.section", "news");
        p.put("digest.fetch.timeout", "20s");
        return p;
    }

    @Test
    void aSlowFeedDoesNotHoldUpTheArticlesOfTheOthers() {
        poll();

        java.time.Instant slowAsked = web.requests("/slow.rss").get(0).receivedAt();
        java.time.Instant firstModelCall = model.arrivals().get(0);
        assertThat(java.time.Duration.between(slowAsked, firstModelCall).toMillis()).as("the first article reached the model while the slow feed was still answering")
                .isLessThan(SLOW_MILLIS);
        assertThat(model.articleRequests()).hasSizeGreaterThan(3); // the slow feed's articles came too, later
    }
}
