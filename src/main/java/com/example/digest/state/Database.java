package com.example.digest.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database under {@code digest.state.dir}: opened by one writer (the writer lock) or, when nobody writes
 * it, read; its schema; connections, transactions and the clock every part of the state uses. No server, no port.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final JdbcConnectionPool pool;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private final WriterLock writerLock;

    Database(Path stateDir, ZoneId zone, Duration lease, Clock clock, boolean writer) {
        this.zone = zone;
        this.lease = lease;
        this.clock = clock;
        PrivateFolder.create(stateDir);
        this.writerLock = writer ? WriterLock.acquire(stateDir) : WriterLock.tryAcquire(stateDir);
        if (!writer && writerLock == null) {
            throw new StateStore.StateInUseException("the state in " + stateDir.toAbsolutePath() + " is held by a running news-digest");
        }
        // embedded and single-process: no database server, no port. FILE_LOCK=FS: the OS lock goes with a killed process,
        // so the next start need not wait to judge it stale; the writer lock above already keeps a second process out.
        // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the database stays open until the store has released its claims.
        String url = "jdbc:h2:file:" + stateDir.toAbsolutePath().resolve("digest")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE"
                + (writer ? "" : ";IFEXISTS=TRUE");
        this.pool = JdbcConnectionPool.create(url, "digest", "");
        try {
            if (writer) {
                createSchema();
            } else {
                run(c -> c.isValid(5));
            }
        } catch (StateStore.StateStoreException e) {
            pool.dispose();
            if (writerLock != null) {
                writerLock.close();
            }
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                throw new StateStore.StateUnusableException("no state in " + stateDir.toAbsolutePath() + " yet: nothing has run there");
            }
            throw e;
        }
    }

    private void createSchema() {
        run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS article (
                          article_key  VARCHAR(4096) PRIMARY KEY,
                          feed_id      VARCHAR(200) NOT NULL,
                          item_day     DATE NOT NULL,
                          status       VARCHAR(10) NOT NULL,
                          owner        VARCHAR(64),
                          lease_until  TIMESTAMP WITH TIME ZONE,
                          fence        BIGINT NOT NULL DEFAULT 0,
                          attempts     INT NOT NULL DEFAULT 0,
                          kind         VARCHAR(10),
                          item         CLOB,
                          revision     INT,
                          first_seen   TIMESTAMP WITH TIME ZONE NOT NULL)""");
                s.execute("CREATE INDEX IF NOT EXISTS article_day ON article(item_day, status)");
                // the entry itself, so that an article recorded but not finished is taken again from the state,
                // without waiting for its feed to change (a feed that answers 304 brings nothing)
                s.execute("ALTER TABLE article ADD COLUMN IF NOT EXISTS section VARCHAR(10)");
                s.execute("ALTER TABLE article ADD COLUMN IF NOT EXISTS url VARCHAR(4096)");
                s.execute("ALTER TABLE article ADD COLUMN IF NOT EXISTS title VARCHAR(1000)");
                s.execute("ALTER TABLE article ADD COLUMN IF NOT EXISTS description CLOB");
                s.execute("ALTER TABLE article ADD COLUMN IF NOT EXISTS published_at TIMESTAMP WITH TIME ZONE");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS digest (
                          digest_day   DATE NOT NULL,
                          revision     INT NOT NULL,
                          published_at TIMESTAMP WITH TIME ZONE NOT NULL,
                          PRIMARY KEY (digest_day, revision))""");
                s.execute("ALTER TABLE digest ADD COLUMN IF NOT EXISTS json CLOB");

                s.execute("ALTER TABLE digest ADD COLUMN IF NOT EXISTS markdown CLOB");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS delivery (
                          idem_key     VARCHAR(200) NOT NULL,
                          channel      VARCHAR(20) NOT NULL,
                          digest_day   DATE NOT NULL,
                          revision     INT NOT NULL,
                          status       VARCHAR(12) NOT NULL,
                          resend       BOOLEAN NOT NULL DEFAULT FALSE,
                          attempts     INT NOT NULL DEFAULT 0,
                          permanent    BOOLEAN NOT NULL DEFAULT FALSE,
                          last_error   VARCHAR(1000),
                          updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
                          PRIMARY KEY (idem_key, channel))""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS feed_status (
                          feed_id              VARCHAR(200) PRIMARY KEY,
                          last_poll            TIMESTAMP WITH TIME ZONE,
                          last_success         TIMESTAMP WITH TIME ZONE,
                          ok                   BOOLEAN NOT NULL,
                          error                VARCHAR(1000),
                          consecutive_failures INT NOT NULL DEFAULT 0)""");
                s.execute("ALTER TABLE feed_status ADD COLUMN IF NOT EXISTS etag VARCHAR(500)");
                s.execute("ALTER TABLE feed_status ADD COLUMN IF NOT EXISTS last_modified VARCHAR(100)");
                s.execute("ALTER TABLE feed_status ADD COLUMN IF NOT EXISTS new_items INT");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS llm_usage (
                          usage_day      DATE PRIMARY KEY,
                          calls          INT NOT NULL DEFAULT 0,
                          input_tokens   BIGINT NOT NULL DEFAULT 0,
                          output_tokens  BIGINT NOT NULL DEFAULT 0,
                          budget_reached BOOLEAN NOT NULL DEFAULT FALSE)""");
            }
            return null;
        });
    }

    /** Who this process is in a claim's owner column. */
    String owner() {
        return owner;
    }

    /** How long a claim holds. */
    Duration lease() {
        return lease;
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

    /** Shuts the database down (it closes here, not in a JVM hook) and lets go of the writer lock. */
    @Override
    public void close() {
        try {
            run(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
                return null;
            });
        } catch (StateStore.StateStoreException e) {
            LOG.debug("state store already closed: {}", e.getMessage());
        }
        pool.dispose();
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
