package dev.newsdigest.observe;

import dev.newsdigest.support.TestStates;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.config.Settings;
import dev.newsdigest.model.Article;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.TokenLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code status} prints, from a real state store: feeds, today's items and usage, the last digest per channel. */
class StatusReportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25); // 10:00 in Tokyo

    @TempDir
    Path dir;

    @Test
    void statusPrintsFeedsTodaysItemsAndTheLastDigestPerChannel() {
        Settings settings = Settings.from(Map.of(
                "digest.feeds", "news,broken,quiet,fresh",
                "digest.feed.fresh.url", "https://fresh.example/feed",
                "digest.feed.news.url", "https://news.example/feed",
                "digest.feed.broken.url", "https://broken.example/feed",
                "digest.feed.quiet.url", "https://quiet.example/feed",
                "digest.state.dir", dir.toString(),
                "digest.llm.daily-token-budget", "50000",
                "digest.webhook.enabled", "true",
                "digest.webhook.url", "https://hooks.example/in")::get, k -> null);
        try (StateStore store = TestStates.open(dir, ZoneId.of("Asia/Tokyo"), Duration.ofMinutes(5), CLOCK)) {
            store.feedSucceeded("news");
            store.recordNewItems("news", 2);
            store.feedSucceeded("fresh"); // polled, but its count of new items not recorded yet
            store.feedFailed("broken", "HTTP 500 from https://broken.example/feed");
            store.feedFailed("broken", "HTTP 500 from https://broken.example/feed");
            Article a = store.claim(new Article("news", FeedConfig.Section.NEWS, "https://news.example/a", "https://news.example/a",
                    "t", "d", null, null, 0));
            store.complete(a, "news", "{\"url\":\"https://news.example/a\"}");
            new TokenLedger(store).spend(TODAY, 1200, 300);
            store.markPublished(TODAY, 1, List.of(a.key()), "{}", "# d", List.of("file", "webhook"));
            List<StateStore.PendingDelivery> pending = store.pendingDeliveries();
            store.deliverySucceeded(pending.stream().filter(d -> d.channel().equals("file")).findFirst().orElseThrow());
            StateStore.PendingDelivery hook = pending.stream().filter(d -> d.channel().equals("webhook")).findFirst().orElseThrow();
            store.deliveryFailed(hook, "HTTP 503", false);
            store.deliveryFailed(hook, "HTTP 503", false);

            String report = StatusReport.render(settings, store);

            assertThat(report).contains(
                    "  news    last poll 2026-11-25 10:00:00 JST  ok, 2 new\n",
                    "  broken  last poll 2026-11-25 10:00:00 JST  failing (2 in a row): HTTP 500 from https://broken.example/feed\n",
                    "  quiet   not polled yet\n",
                    "  fresh   last poll 2026-11-25 10:00:00 JST  ok\n",
                    "today (2026-11-25): 1 item(s) collected\n",
                    "model today: 1 call(s), 1200 input + 300 output tokens of a budget of 50000\n",
                    "last digest: 2026-11-25 revision 1, published 2026-11-25 10:00:00 JST\n",
                    "  file    sent\n",
                    "  webhook pending after 2 attempts: HTTP 503\n");
        }
    }
}
