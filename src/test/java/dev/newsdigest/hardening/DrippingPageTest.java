package dev.newsdigest.hardening;

import java.util.Properties;

import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that drips one byte every 100 ms: each read succeeds, so a per-read timeout never fires. The whole fetch has one
 * deadline, the earlier of {@code digest.fetch.timeout} (here 1 s) and the item's {@code digest.llm.item-timeout}; at it
 * the connection is dropped and the feed text stands in. The page would take 1,000 s to send.
 * {@link DrippingPageItemDeadlineTest} runs the same with the item deadline as the earlier one.
 */
class DrippingPageTest extends PipelineTestSupport {
    private static final long PAGE_BYTES = 10_000;

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "one");
        p.put("digest.feed.one.url", web.url("/one.rss"));
        p.put("digest.fetch.timeout", "1s");
        web.serve("/one.rss", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title>
                <item><title>Dripping page</title><link>%s</link><description>The feed text of the dripping page.</description></item>
                </channel></rss>""".formatted(web.url("/drip.html")));
        web.stream("/drip.html", "text/html", "<html><body><article><p>", PAGE_BYTES, 1, 100);
        return p;
    }

    /** What the deadline should say, as a regular expression; the item-deadline case overrides it. */
    protected String expectedReason() {
        return "timed out: not complete within 1\\.0s";
    }

    @Test
    void aPageThatDripsIsCutOffAtItsDeadlineAndTheFeedTextStandsIn() {
        try (LogCapture logs = new LogCapture()) {
            poll();
            assertThat(logs.warnings()).anyMatch(w -> w.matches(".*/drip\\.html could not be fetched \\(" + expectedReason() + " .*"));
        }
        publish();
        assertThat(digestJson().path("items").get(0).path("textSource").asText()).isEqualTo("feed");
        assertThat(web.bytesSent("/drip.html")).isLessThan(PAGE_BYTES / 2);
    }
}
