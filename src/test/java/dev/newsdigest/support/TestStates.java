package dev.newsdigest.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.state.StateStore;

/**
 * Opens a test's state store: the embedded database in {@code dir}, or, under {@code mvn -Pstate-postgres}, a PostgreSQL
 * database of its own for {@code dir} (the same one each time the test opens {@code dir} again, as after a restart).
 */
public final class TestStates {
    private static final Map<Path, DatabaseSettings> DATABASES = new ConcurrentHashMap<>();

    private TestStates() {
    }

    /** Whether this run keeps the tests' state on PostgreSQL. */
    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("digest.test.database"));
    }

    public static StateStore open(Path dir, ZoneId zone, Duration lease, Clock clock) {
        if (!onPostgres()) {
            return new StateStore(dir, zone, lease, clock);
        }
        DatabaseSettings db = DATABASES.computeIfAbsent(dir.toAbsolutePath(), d -> Postgres.freshDatabase());
        return new StateStore(dir, db, 8, zone, lease, clock);
    }
}
