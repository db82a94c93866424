package dev.newsdigest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state folder made by the release before the Flyway migrations ({@code state-made-by-0.1}, see its README) opens with
 * the current code: the baseline migration carries it forward and every article, revision, delivery and feed status is
 * still there and still works.
 */
class StateUpgradeTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-26");

    @TempDir
    Path dir;

    @Test
    void aStateMadeBeforeTheMigrationsKeepsEveryArticleAndDelivery() throws Exception {
        try (InputStream old = getClass().getResourceAsStream("/state-made-by-0.1/digest.mv.db")) {
            Files.copy(old, dir.resolve("digest.mv.db"));
        }
        Clock later = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
        try (StateStore store = new StateStore(dir, ZoneOffset.UTC, Duration.ofMinutes(10), later)) {
            assertThat(store.doneItems(DAY)).hasSize(4).allMatch(StateStore.StoredItem::published);
            assertThat(store.doneItems(DAY).stream().filter(i -> i.kind().equals("incident"))).hasSize(1);
            assertThat(store.lastRevision(DAY)).isEqualTo(1);
            assertThat(store.deliveries(DAY)).extracting(StateStore.DeliveryState::channel, StateStore.DeliveryState::status)
                    .containsExactly(org.assertj.core.api.Assertions.tuple("file", "SENT"));
            assertThat(store.feedStatuses()).containsOnlyKeys("news", "incidents");
            assertThat(store.feedStatuses().get("news").newItems()).isEqualTo(3);
            assertThat(store.unpublishedDays(null)).isEmpty();

            // and it goes on working: a known article stays a duplicate, a new one is recorded and claimed
            String known = store.doneItems(DAY).get(0).key();
            assertThat(store.claim(new Article("news", FeedConfig.Section.NEWS, known, known, "t", "d", null, null, 0))).isNull();
            Article fresh = store.claim(new Article("news", FeedConfig.Section.NEWS, "https://n.example/new", "https://n.example/new",
                    "t", "d", null, null, 0));
            assertThat(fresh).isNotNull();
            assertThat(store.complete(fresh, "news", "{\"url\":\"https://n.example/new\"}")).isTrue();
            assertThat(store.unpublishedDays(null)).containsExactly(LocalDate.parse("2026-11-27"));
        }
        // opened again: the migration is recorded and not run twice
        try (StateStore again = new StateStore(dir, ZoneOffset.UTC, Duration.ofMinutes(10), Clock.systemUTC())) {
            assertThat(again.lastRevision(DAY)).isEqualTo(1);
        }
    }
}
