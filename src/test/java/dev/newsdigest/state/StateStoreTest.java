package dev.newsdigest.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.support.TestStates;
import dev.newsdigest.model.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StateStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;
    private final List<StateStore> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(StateStore::close);
    }

    private static boolean onPostgres() {
        return TestStates.onPostgres();
    }

    private StateStore open(Duration lease) {
        StateStore store = TestStates.open(dir, ZoneId.of("Asia/Tokyo"), lease, CLOCK);
        opened.add(store);
        return store;
    }

    private static Article article(String key) {
        return new Article("news", FeedConfig.Section.NEWS, key, key, "t", "d", null, null, 0);
    }

    @Test
    void openingTheStoreChangesNoSystemPropertyAndStartsNoDatabaseServer() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(onPostgres(), "the embedded database only");
        java.util.Properties before = (java.util.Properties) System.getProperties().clone();
        StateStore store = open(Duration.ofMinutes(10));
        store.claim(article("https://n.example/a"));
        assertThat(System.getProperties()).isEqualTo(before);
        try (var files = java.nio.file.Files.list(dir)) {
            // H2's AUTO_SERVER wrote its TCP port and key into a .lock.db file that other users could read
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".lock.db"));
        }
    }

    @Test
    void entriesRecordedButNotFinishedAreWaitingInTheStateWithEverythingToProcessThem() {
        StateStore store = open(Duration.ofMinutes(10));
        Article a = new Article("news", dev.newsdigest.config.FeedConfig.Section.NEWS, "https://n.example/a",
                "https://n.example/a?utm_source=x", "Title A", "Text A", java.time.Instant.parse("2026-11-24T10:00:00Z"), null, 0);
        assertThat(store.record(List.of(a, article("https://n.example/b")))).hasSize(2);
        assertThat(store.record(List.of(a))).isEmpty(); // known: a duplicate

        Article claimedB = store.claim(article("https://n.example/b"));
        store.complete(claimedB, "news", "{}");
        // only a is waiting, as it was recorded: a run that stops here loses nothing, whatever the feed says later
        assertThat(store.pending(null)).containsExactly(a);
        assertThat(store.pending("news")).containsExactly(a);
        assertThat(store.pending("other")).isEmpty();
        Article claimedA = store.claim(a);
        assertThat(store.pending(null)).isEmpty();
        store.release(claimedA);
        assertThat(store.pending(null)).containsExactly(a);
    }

    @Test
    void concurrentClaimsOfOneArticleLetExactlyOneThrough() throws Exception {
        StateStore store = open(Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Article>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                claims.add(() -> store.claim(article("https://n.example/same")));
            }
            int won = 0;
            for (Future<Article> f : pool.invokeAll(claims)) {
                won += f.get() == null ? 0 : 1;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void itemBelongsToTheDayItWasFirstSeenInTheConfiguredZone() {
        Article claimed = open(Duration.ofMinutes(10)).claim(article("https://n.example/a"));
        // 16:00 UTC is 01:00 the next day in Tokyo
        assertThat(claimed.day()).hasToString("2026-11-26");
    }

    @Test
    void doneArticleIsNeverClaimedAgainEvenAfterRestart() {
        StateStore store = open(Duration.ofMinutes(10));
        Article claimed = store.claim(article("https://n.example/a"));
        assertThat(store.complete(claimed, "news", "{\"url\":\"https://n.example/a\"}")).isTrue();
        assertThat(store.claim(article("https://n.example/a"))).isNull();
        store.close();
        opened.clear();

        StateStore restarted = open(Duration.ofMinutes(10));
        assertThat(restarted.claim(article("https://n.example/a"))).isNull();
        assertThat(restarted.unpublishedDays(null)).hasSize(1);
    }

    @Test
    void releasedOrExpiredClaimIsTakenAgainAndTheStaleOwnerCannotComplete() {
        StateStore store = open(Duration.ZERO); // every lease has already run out
        Article first = store.claim(article("https://n.example/a"));
        Article second = store.claim(article("https://n.example/a"));
        assertThat(second).isNotNull();
        assertThat(second.fence()).isGreaterThan(first.fence());
        assertThat(store.complete(first, "news", "{}")).isFalse();
        assertThat(store.complete(second, "news", "{}")).isTrue();
    }

    @Test
    void claimsOfAKilledProcessAreReleasedWhenTheStoreIsOpenedAgain() throws Exception {
        // on PostgreSQL other instances may be alive: a claim is left to its lease (PostgresStateTest)
        org.junit.jupiter.api.Assumptions.assumeFalse(onPostgres(), "the embedded database only");
        StateStore first = open(Duration.ofHours(1));
        Article done = first.claim(article("https://n.example/done"));
        first.complete(done, "news", "{}");
        first.claim(article("https://n.example/k"));
        first.close();
        opened.clear();
        // what SIGKILL leaves behind: a claim held by an owner that no longer runs
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("digest") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "digest", "");
             var s = c.createStatement()) {
            s.executeUpdate("UPDATE article SET status = 'CLAIMED', owner = 'killed-process', lease_until = DATEADD(HOUR, 1, CURRENT_TIMESTAMP)"
                    + " WHERE article_key = 'https://n.example/k'");
        }
        StateStore reopened = open(Duration.ofHours(1));
        assertThat(reopened.claim(article("https://n.example/k"))).isNotNull();
        assertThat(reopened.claim(article("https://n.example/done"))).isNull();
    }

    @Test
    void closingReleasesOwnClaimsSoTheNextRunTakesThem() {
        StateStore store = open(Duration.ofHours(1));
        assertThat(store.claim(article("https://n.example/a"))).isNotNull();
        store.close();
        opened.clear();
        assertThat(open(Duration.ofHours(1)).claim(article("https://n.example/a"))).isNotNull();
    }

    @Test
    void publishedItemsLeaveTheUnpublishedDaysAndRevisionsCount() throws Exception {
        StateStore store = open(Duration.ofMinutes(10));
        Article a = store.claim(article("https://n.example/a"));
        store.complete(a, "news", "{}");
        assertThat(store.lastRevision(a.day())).isZero();
        store.markPublished(a.day(), 1, List.of(a.key()), "{}", "# md", List.of("file", "webhook"));
        assertThat(store.pendingDeliveries()).extracting(StateStore.PendingDelivery::channel).containsExactly("file", "webhook");
        assertThat(store.unpublishedDays(null)).isEmpty();
        assertThat(store.lastRevision(a.day())).isEqualTo(1);
        if (!onPostgres()) { // the embedded database's files are in the state folder; PostgreSQL's are not
            assertThat(Files.list(dir)).isNotEmpty();
        }
    }
}
