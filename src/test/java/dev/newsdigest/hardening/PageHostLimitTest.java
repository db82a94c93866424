package dev.newsdigest.hardening;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Page fetches are polite: however many articles run in parallel, one host never has more than 2 requests in flight. */
class PageHostLimitTest extends PipelineTestSupport {
    private static final int ARTICLES = 6;

    PageHostLimitTest() {
        web.serve("/many.rss", 200, "application/rss+xml", GeneratedNews.feed("many", 0, ARTICLES, List.of(web), Instant.now()));
        GeneratedNews.servePages(web, 0, ARTICLES, 300);
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "many");
        p.put("digest.feed.many.url", web.url("/many.rss"));
        p.put("digest.feed.many.section", "news");
        p.put("digest.concurrency", String.valueOf(ARTICLES));
        p.put("digest.llm.max-concurrent", String.valueOf(ARTICLES));
        return p;
    }

    @Test
    void atMostTwoPageFetchesAreInFlightPerHost() {
        poll();
        publish();

        assertThat(web.peakInFlight()).isEqualTo(2);
        JsonNode items = digestJson().path("items");
        assertThat(items).hasSize(ARTICLES);
        assertThat(items.findValuesAsText("textSource")).containsOnly("page");
    }
}
