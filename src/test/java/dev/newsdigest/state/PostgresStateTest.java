package dev.newsdigest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.model.Article;
import dev.newsdigest.support.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state on a real PostgreSQL (digest.db.url): the same migrations make its schema, and claims, fences, revisions,
 * the outbox, feed statuses and the token ledger behave as on the embedded database. No lock file is taken: two
 * stores, as two instances, share the database.
 */
class PostgresStateTest {
    @TempDir
    Path dir;

    private static Article article(String key) {
        return new Article("news", FeedConfig.Section.NEWS, key, key, "t", "d", null, null, 0);
    }

    private StateStore open(DatabaseSettings db, Path folder, Duration lease) {
        return new StateStore(folder, db, 4, ZoneOffset.UTC, lease, Clock.systemUTC());
    }

    @Test
    void twoInstancesShareOneDatabaseAndEachArticleIsClaimedAndCompletedOnce() {
        DatabaseSettings db = Postgres.freshDatabase();
        try (StateStore one = open(db, dir.resolve("one"), Duration.ofMinutes(10));
             StateStore two = open(db, dir.resolve("two"), Duration.ofMinutes(10))) {
            assertThat(one.record(List.of(article("https://n.example/a"), article("https://n.example/b")))).hasSize(2);
            assertThat(two.record(List.of(article("https://n.example/a")))).isEmpty(); // known to the fleet
            assertThat(two.pending("news")).hasSize(2);

            Article claimed = one.claim(article("https://n.example/a"));
            assertThat(claimed).isNotNull();
            assertThat(two.claim(article("https://n.example/a"))).isNull(); // held by the other instance
            assertThat(one.complete(claimed, "news", "{\"url\":\"https://n.example/a\"}")).isTrue();
            assertThat(two.pending(null)).extracting(Article::key).containsExactly("https://n.example/b");

            LocalDate today = one.today();
            assertThat(two.unpublishedDays(null)).containsExactly(today);
            one.markPublished(today, 1, List.of("https://n.example/a"), "{}", "# md", List.of("file", "webhook"));
            assertThat(two.pendingDeliveries()).hasSize(2);
            two.deliverySucceeded(two.pendingDeliveries().get(0));
            assertThat(one.pendingDeliveries()).hasSize(1);
            assertThat(one.scheduleResend(today, List.of("file"))).containsExactly(today + "-r1-resend-1");

            one.feedFailed("news", "HTTP 500");
            two.feedFailed("news", "HTTP 500");
            assertThat(one.feedStatuses().get("news").consecutiveFailures()).isEqualTo(2);
            two.rememberValidators("news", "\"v1\"", null);
            assertThat(one.feedValidators("news")).containsExactly("\"v1\"", null);
            assertThat(one.feedStatuses().get("news").consecutiveFailures()).isZero();

            new TokenLedger(one).spend(today, 100, 20);
            new TokenLedger(two).spend(today, 50, 5);
            assertThat(new TokenLedger(one).usage(today).tokens()).isEqualTo(175);
            assertThat(new TokenLedger(one).usage(today).calls()).isEqualTo(2);
        }
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverAndTheStaleCompletionIsRejected() throws Exception {
        DatabaseSettings db = Postgres.freshDatabase();
        try (StateStore killed = open(db, dir.resolve("killed"), Duration.ofSeconds(1));
             StateStore survivor = open(db, dir.resolve("survivor"), Duration.ofMinutes(10))) {
            Article first = killed.claim(article("https://n.example/x"));
            assertThat(first).isNotNull();
            // the database clock decides when the lease is over
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> survivor.pending("news").size() == 1);
            Article taken = survivor.claim(article("https://n.example/x"));
            assertThat(taken).isNotNull();
            assertThat(taken.fence()).isGreaterThan(first.fence());
            assertThat(killed.complete(first, "news", "{\"by\":\"stale\"}")).isFalse();
            assertThat(survivor.complete(taken, "news", "{\"by\":\"survivor\"}")).isTrue();
            assertThat(survivor.doneItems(survivor.today())).singleElement().extracting(StateStore.StoredItem::json)
                    .isEqualTo("{\"by\":\"survivor\"}");
        }
    }

    @Test
    void theFleetsModelSlotsAndRateAreSharedByEveryInstance() throws Exception {
        DatabaseSettings db = Postgres.freshDatabase();
        try (StateStore one = open(db, dir.resolve("one"), Duration.ofMinutes(10));
             StateStore two = open(db, dir.resolve("two"), Duration.ofMinutes(10))) {
            FleetLimits a = one.fleetLimits(2, 60, Duration.ofMinutes(2)).orElseThrow();
            FleetLimits b = two.fleetLimits(2, 60, Duration.ofMinutes(2)).orElseThrow();
            int first = a.takeSlot(System.currentTimeMillis() + 5_000);
            int second = b.takeSlot(System.currentTimeMillis() + 5_000);
            assertThat(first).isPositive();
            assertThat(second).isPositive().isNotEqualTo(first);
            assertThat(a.takeSlot(System.currentTimeMillis() + 300)).isEqualTo(-1); // both slots held, by two instances
            b.giveSlot(second);
            assertThat(a.takeSlot(System.currentTimeMillis() + 5_000)).isEqualTo(second);

            // 60 a minute for the fleet: a token now, the next one not before about a second later, whichever instance asks
            assertThat(a.takeRate(System.currentTimeMillis() + 5_000)).isTrue();
            long asked = System.nanoTime();
            assertThat(b.takeRate(System.currentTimeMillis() + 5_000)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
            assertThat(a.takeRate(System.currentTimeMillis() + 100)).isFalse(); // not within 100 ms
        }
        try (StateStore embedded = new StateStore(dir.resolve("h2"), ZoneOffset.UTC, Duration.ofMinutes(1), Clock.systemUTC())) {
            assertThat(embedded.fleetLimits(2, 60, Duration.ofMinutes(2))).isEmpty(); // one writer: its limits are in memory
        }
    }

    @Test
    void statusSeesEveryLiveInstanceWithTheClaimsItHolds() {
        DatabaseSettings db = Postgres.freshDatabase();
        try (StateStore one = open(db, dir.resolve("one"), Duration.ofMinutes(10))) {
            try (StateStore two = open(db, dir.resolve("two"), Duration.ofMinutes(10))) {
                two.claim(article("https://n.example/held"));
                java.time.Instant now = java.time.Instant.now();
                assertThat(one.instances()).hasSize(2).allMatch(i -> i.alive(now) && i.pid() == ProcessHandle.current().pid());
                assertThat(one.instances()).extracting(Instances.Instance::self).containsExactlyInAnyOrder(true, false);
                assertThat(one.instances()).extracting(Instances.Instance::claims).containsExactlyInAnyOrder(0, 1);
            }
            assertThat(one.instances()).singleElement().matches(Instances.Instance::self); // a stopped instance leaves
        }
    }
}
