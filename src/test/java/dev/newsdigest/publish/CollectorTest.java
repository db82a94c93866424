package dev.newsdigest.publish;

import dev.newsdigest.support.TestStates;

import dev.newsdigest.config.Messages;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.model.EnrichedArticle;
import dev.newsdigest.model.Article;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.summarize.IocExtractor;
import dev.newsdigest.summarize.OfflineSummarizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CollectorTest {
    @TempDir
    Path dir;

    @Test
    void aClaimThatWasLostIsNeitherStoredNorCountedAsDone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (StateStore store = TestStates.open(dir.resolve("state"), ZoneId.of("UTC"), Duration.ZERO, Clock.systemUTC())) {
            Collector collector = new Collector(store, new DigestMetrics(registry), 100);
            Article entry = new Article("news", FeedConfig.Section.NEWS, "https://n.example/a", "https://n.example/a", "A",
                    "Text of A.", null, null, 0);
            collector.startPoll();
            collector.record(java.util.List.of(entry));
            Article first = collector.claim(entry);
            // its lease (0 s) runs out and another claim takes it over, with a newer fence
            Article second = await().until(() -> store.claim(entry), java.util.Objects::nonNull);
            assertThat(second.fence()).isGreaterThan(first.fence());

            OfflineSummarizer offline = new OfflineSummarizer(new IocExtractor(Set.of()), Messages.of("en"));
            collector.news(first, offline.summarize(new EnrichedArticle(first, "Text of A.", "feed")));

            assertThat(registry.find("digest.items.summarised").counters()).isEmpty();
            assertThat(store.doneCount(store.today())).isZero();
        }
    }
}
