package dev.newsdigest.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dev.newsdigest.config.DatabaseSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;

/**
 * The database of the state: by default the embedded H2 database under {@code digest.state.dir}, written by one process
 * (the writer lock) and read by {@code status} when nobody writes it; or a PostgreSQL database that several instances
 * share ({@code digest.db.url}), where they coordinate through the database alone. One pool (HikariCP), one schema made
 * and changed by Flyway migrations ({@code db/migration}), transactions, and the clock every part of the state uses.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final boolean shared;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private final WriterLock writerLock;

    Database(Path stateDir, DatabaseSettings settings, int connections, ZoneId zone, Duration lease, Clock clock, boolean writer) {
        this.zone = zone;
        this.lease = lease;
        this.clock = clock;
        this.shared = !settings.embedded();
        PrivateFolder.create(stateDir); // the answer cache, dead letters and the status socket live there either way
        if (shared) {
            this.writerLock = null; // instances coordinate through the database: no lock file
        } else {
            this.writerLock = writer ? WriterLock.acquire(stateDir) : WriterLock.tryAcquire(stateDir);
            if (!writer && writerLock == null) {
                throw new StateStore.StateInUseException("the state in " + stateDir.toAbsolutePath() + " is held by a running news-digest");
            }
        }
        try {
            this.pool = new HikariDataSource(poolConfig(stateDir, settings, connections, writer));
            if (writer && schemaVersion() < SCHEMA_VERSION) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                        // a state made before the migrations is carried forward: baseline 0, then V1 adds what it lacks
                        .baselineOnMigrate(true).baselineVersion("0")
                        .load().migrate();
            }
        } catch (RuntimeException e) {
            if (writerLock != null) {
                writerLock.close();
            }
            if (cause(e, SQLException.class) instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                throw new StateStore.StateUnusableException("no state in " + stateDir.toAbsolutePath() + " yet: nothing has run there");
            }
            if (shared) { // most often a wrong URL, user or password, or a server that is down: one line for the operator
                throw new StateStore.StateUnusableException("the state database " + settings + " cannot be used: " + whyUnusable(e));
            }
            throw new StateStore.StateStoreException("state store: " + e.getMessage(), e);
        }
    }

    /**
     * The highest migration in {@code db/migration} ({@code SchemaVersionTest} keeps the two in step). A state already
     * there is not handed to Flyway at all: loading it costs a short run about a second.
     */
    static final int SCHEMA_VERSION = 11;

    /** The version Flyway last recorded; 0 when the state has no migration history yet (new, or made before them). */
    private int schemaVersion() {
        try {
            return run(c -> {
                try (var tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                    if (!tables.next()) {
                        return 0; // a new state, or one made before the migrations
                    }
                }
                try (var q = c.createStatement();
                     var rs = q.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                    int highest = 0;
                    while (rs.next()) {
                        highest = Math.max(highest, Integer.parseInt(rs.getString(1)));
                    }
                    return highest;
                }
            });
        } catch (StateStore.StateStoreException | NumberFormatException e) {
            return 0; // no history table: Flyway makes it
        }
    }

    private static HikariConfig poolConfig(Path stateDir, DatabaseSettings settings, int connections, boolean writer) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("digest-state");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(1); // a database that cannot be reached fails the start, with its reason
        if (settings.embedded()) {
            // embedded: no database server, no port. FILE_LOCK=FS: the OS lock goes with a killed process, so the next
            // start need not wait to judge it stale; the writer lock already keeps a second process out.
            // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the database stays open until the store has released its claims.
            config.setJdbcUrl("jdbc:h2:file:" + stateDir.toAbsolutePath().resolve("digest")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE"
                    + (writer ? "" : ";IFEXISTS=TRUE"));
            config.setUsername("digest");
            config.setPassword("");
        } else {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        return config;
    }

    /**
     * Why a shared database could not be opened, in the driver's words (its SQLException says which parameter or what
     * failed), then the root cause when it adds something: {@code The SocketFactory class provided x could not be
     * instantiated. (ClassNotFoundException: x)}, where the root cause alone would say only {@code x}.
     */
    static String whyUnusable(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Throwable sql = cause(e, SQLException.class);
        String words = sql != null && sql.getMessage() != null && !sql.getMessage().isBlank() ? sql.getMessage().strip() : null;
        String rootMessage = root.getMessage() == null ? "" : root.getMessage().strip();
        if (words == null || root == sql) {
            return words != null ? words : root.getClass().getSimpleName() + (rootMessage.isEmpty() ? "" : ": " + rootMessage);
        }
        return words.equals(rootMessage) ? words
                : words + " (" + root.getClass().getSimpleName() + (rootMessage.isEmpty() ? "" : ": " + rootMessage) + ")";
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** Whether several instances may share this database (PostgreSQL): then a claim nobody renews is left to its lease. */
    boolean shared() {
        return shared;
    }

    /** Who this process is in a claim's owner column. */
    String owner() {
        return owner;
    }

    /** How long a claim holds. */
    Duration lease() {
        return lease;
    }

    /**
     * On the embedded database, at start: gives back the leases in {@code table} (its {@code owner} and
     * {@code lease_until} columns) that any other owner holds. Only one process writes it, so they are a dead run's.
     */
    int releaseLeasesOfOthers(String table) {
        return run(c -> {
            try (var free = c.prepareStatement(
                    "UPDATE " + table + " SET owner = NULL, lease_until = NULL WHERE owner IS NOT NULL AND owner <> ?")) {
                free.setString(1, owner);
                return free.executeUpdate();
            }
        });
    }

    /** Now, as stored. */
    Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Today in {@code digest.timezone}. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Closes every connection (the embedded database closes with the last one) and lets go of the writer lock. */
    @Override
    public void close() {
        pool.close();
        if (writerLock != null) {
            writerLock.close();
        }
    }

    <T> T run(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StateStore.StateStoreException("state store: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none of it. */
    <T> T inTransaction(SqlWork<T> work) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

}
