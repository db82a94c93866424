package dev.newsdigest.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.support.Postgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link StateStore#latestPerDay}, what the Atom feed is built from, on the embedded database and on PostgreSQL: each
 * day once, as its latest revision, with when its first revision was published; newest day first; at most as many days
 * as asked.
 */
class LatestPerDayTest {
    private static final LocalDate DAY_1 = LocalDate.parse("2026-11-24");
    private static final LocalDate DAY_2 = LocalDate.parse("2026-11-25");
    private static final LocalDate DAY_3 = LocalDate.parse("2026-11-26");

    @TempDir
    Path dir;

    /** The state's clock: each revision is published at the time the test sets. */
    private static final class SetClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-25T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private StateStore open(String database, SetClock clock) {
        return database.equals("postgres")
                ? new StateStore(dir, Postgres.freshDatabase(), 4, ZoneOffset.UTC, Duration.ofMinutes(5), clock)
                : new StateStore(dir, DatabaseSettings.EMBEDDED, 4, ZoneOffset.UTC, Duration.ofMinutes(5), clock);
    }

    private static void publish(StateStore store, SetClock clock, String at, LocalDate day, int revision) {
        clock.now = Instant.parse(at);
        assertThat(store.markPublished(day, revision, List.of(), "{\"revision\":" + revision + "}", "# " + day + " r" + revision, List.of()))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eachDayOnceAsItsLatestRevisionNewestDayFirstAtMostAsManyAsAsked(String database) {
        SetClock clock = new SetClock();
        try (StateStore store = open(database, clock)) {
            assertThat(store.latestPerDay(30)).isEmpty();
            publish(store, clock, "2026-11-24T22:00:00Z", DAY_1, 1);
            publish(store, clock, "2026-11-25T22:00:00Z", DAY_2, 1);
            publish(store, clock, "2026-11-25T23:30:00Z", DAY_2, 2);
            publish(store, clock, "2026-11-26T22:00:00Z", DAY_3, 1);
            publish(store, clock, "2026-11-26T23:45:00Z", DAY_2, 3); // a late revision of an earlier day

            List<StateStore.DayDigest> all = store.latestPerDay(30);
            assertThat(all).extracting(StateStore.DayDigest::day).containsExactly(DAY_3, DAY_2, DAY_1);
            StateStore.DayDigest day2 = all.get(1);
            assertThat(day2.revision()).isEqualTo(3);
            assertThat(day2.firstPublished()).isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));
            assertThat(day2.published()).isEqualTo(Instant.parse("2026-11-26T23:45:00Z"));
            assertThat(day2.json()).isEqualTo("{\"revision\":3}");
            assertThat(day2.markdown()).isEqualTo("# 2026-11-25 r3");
            assertThat(all.get(2).firstPublished()).isEqualTo(all.get(2).published());

            assertThat(store.latestPerDay(2)).extracting(StateStore.DayDigest::day).containsExactly(DAY_3, DAY_2);
        }
    }
}
