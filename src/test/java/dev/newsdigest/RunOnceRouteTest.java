package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.newsdigest.delivery.Deliveries.RunOutcome;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code direct:run-once}, the one route behind {@code --once} and the morning close: what it polls, which days it
 * publishes, and the outcome it answers.
 */
class RunOnceRouteTest extends PipelineTestSupport {

    private RunOutcome run(boolean poll, boolean throughToday) {
        return template.requestBodyAndHeaders("direct:run-once", null, Map.of("poll", poll, "throughToday", throughToday),
                RunOutcome.class);
    }

    @Test
    void theMorningCloseDoesNotPollAndLeavesTodayForTomorrowWhileOnceTakesTodayToo() {
        RunOutcome close = run(false, false);
        assertThat(web.hits("/news.rss")).isZero();
        assertThat(close.published()).isEmpty();
        assertThat(close.feedsRead()).isZero();

        RunOutcome pollOnly = run(true, false); // today's items are collected, but a close publishes only earlier days
        assertThat(web.hits("/news.rss")).isEqualTo(1);
        assertThat(pollOnly.published()).isEmpty();
        assertThat(pollOnly.feedsRead()).isEqualTo(2);
        assertThat(outputFiles(".md")).isEmpty();

        RunOutcome once = run(false, true);
        assertThat(once.published()).hasSize(1);
        // of the archive site, only its index is named: a year of it is hundreds of pages
        assertThat(once.written()).hasSize(5).anyMatch(p -> p.endsWith(".md")).anyMatch(p -> p.endsWith(".json")).anyMatch(p -> p.endsWith(".stix.json"))
                .anyMatch(p -> p.endsWith("feed.atom")).anyMatch(p -> p.endsWith("site/index.html"));
        assertThat(work.resolve("out/site/search.js")).isNotEmptyFile();
        assertThat(once.deliveryFailures()).isZero();
        assertThat(outputFiles(".md")).hasSize(1);
        assertThat(model.articleRequests()).hasSize(3);
    }
}
