package dev.newsdigest.state;

import dev.newsdigest.support.TestStates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** digest.retention removes what is old and published, and keeps whatever is still owed to a reader. */
class RetentionTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final Clock THEN = Clock.fixed(NOW.minus(Duration.ofDays(40)), ZoneOffset.UTC);
    private static final Clock LATER = Clock.fixed(NOW.minus(Duration.ofDays(39)), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Article article(String url) {
        return new Article("news", FeedConfig.Section.NEWS, url, url, "t", "d", null, null, 0);
    }

    @Test
    void oldPublishedStateAndFilesArePrunedWhileUnpublishedItemsAndPendingDeliveriesStay() throws Exception {
        LocalDate published = LocalDate.ofInstant(THEN.instant(), TOKYO);
        LocalDate owed = LocalDate.ofInstant(LATER.instant(), TOKYO);
        try (StateStore store = TestStates.open(dir, TOKYO, Duration.ofMinutes(5), THEN)) {
            Article a = store.claim(article("https://n.example/published"));
            store.complete(a, "news", "{\"url\":\"https://n.example/published\"}");
            store.markPublished(published, 1, List.of(a.key()), "{}", "# d", List.of("file"));
            store.deliverySucceeded(store.pendingDeliveries().get(0));
            store.cveSources().answered("nvd", "CVE-2020-1945", "", null, null); // confirmed 40 days ago
        }
        try (StateStore store = TestStates.open(dir, TOKYO, Duration.ofMinutes(5), LATER)) {
            Article b = store.claim(article("https://n.example/done-not-published"));
            store.complete(b, "news", "{\"url\":\"https://n.example/done-not-published\"}");
            Article c = store.claim(article("https://n.example/published-but-undelivered"));
            store.complete(c, "news", "{\"url\":\"https://n.example/published-but-undelivered\"}");
            store.markPublished(owed, 1, List.of(c.key()), "{}", "# d", List.of("webhook"));
        }
        try (StateStore store = TestStates.open(dir, TOKYO, Duration.ofMinutes(5), Clock.fixed(NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC))) {
            store.cveSources().answered("nvd", "CVE-2024-57727", "", null, null);
        }
        Path cache = Files.createDirectories(dir.resolve("llm-cache/ab"));
        Path oldAnswer = Files.writeString(cache.resolve("old.json"), "{}");
        Files.setLastModifiedTime(oldAnswer, FileTime.from(NOW.minus(Duration.ofDays(31))));
        Path freshAnswer = Files.writeString(cache.resolve("fresh.json"), "{}");
        Files.setLastModifiedTime(freshAnswer, FileTime.from(NOW.minus(Duration.ofDays(2))));

        try (StateStore store = TestStates.open(dir, TOKYO, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC))) {
            int removed = new Retention(store, Duration.ofDays(30), List.of(dir.resolve("llm-cache")), Clock.fixed(NOW, ZoneOffset.UTC)).prune();

            assertThat(removed).isPositive();
            assertThat(store.lastRevision(published)).isZero();               // the delivered digest is gone
            assertThat(store.claim(article("https://n.example/published"))).isNotNull(); // and its de-duplication entry
            assertThat(store.unpublishedDays(null)).contains(owed);            // an unpublished item stays
            assertThat(store.lastRevision(owed)).isEqualTo(1);                 // a digest with a pending delivery stays
            assertThat(store.pendingDeliveries()).extracting(StateStore.PendingDelivery::channel).containsExactly("webhook");
            assertThat(oldAnswer).doesNotExist();
            assertThat(freshAnswer).exists();
            assertThat(store.cveSources().get("nvd", "CVE-2020-1945")).isNull();  // a CVE answer nobody confirmed for 30 days
            assertThat(store.cveSources().get("nvd", "CVE-2024-57727")).isNotNull();
        }
    }

    /**
     * With the archive kept longer than the rest: a 40-day-old day keeps its latest revision (what the site shows) and
     * loses the earlier one; a day older than the archive's time goes whole.
     */
    @Test
    void aDaysLatestRevisionStaysForTheArchiveWhileItsEarlierRevisionsAndOlderDaysGo() throws Exception {
        Clock longAgo = Clock.fixed(NOW.minus(Duration.ofDays(400)), ZoneOffset.UTC);
        LocalDate ancient = LocalDate.ofInstant(longAgo.instant(), TOKYO);
        LocalDate published = LocalDate.ofInstant(THEN.instant(), TOKYO);
        try (StateStore store = TestStates.open(dir, TOKYO, Duration.ofMinutes(5), longAgo)) {
            store.markPublished(ancient, 1, List.of(), "{\"r\":1}", "# ancient", List.of("file"));
            store.deliverySucceeded(store.pendingDeliveries().get(0));
        }
        try (StateStore store = TestStates.open(dir, TOKYO, Duration.ofMinutes(5), THEN)) {
            store.markPublished(published, 1, List.of(), "{\"r\":1}", "# r1", List.of("file"));
            store.deliverySucceeded(store.pendingDeliveries().get(0));
            store.markPublished(published, 2, List.of(), "{\"r\":2}", "# r2", List.of("file"));
            store.deliverySucceeded(store.pendingDeliveries().get(0));
        }
        try (StateStore store = TestStates.open(dir, TOKYO, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC))) {
            new Retention(store, Duration.ofDays(30), Duration.ofDays(365), List.of(), Clock.fixed(NOW, ZoneOffset.UTC)).prune();

            assertThat(store.latestPerDay(10)).extracting(StateStore.DayDigest::day, StateStore.DayDigest::revision, StateStore.DayDigest::markdown)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(published, 2, "# r2"));
            int rows = store.inTransaction(c -> {
                try (var q = c.createStatement().executeQuery("SELECT COUNT(*) FROM digest")) {
                    q.next();
                    return q.getInt(1);
                }
            });
            assertThat(rows).as("revision 1 of the kept day and the whole ancient day are gone").isEqualTo(1);
            assertThat(store.lastRevision(ancient)).isZero();
        }
    }
}
