package com.example.digest.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.digest.model.Article;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent state under {@code digest.state.dir}: one row per article (claimed with a lease and a fence,
 * done once its item is stored), one row per published revision, one row per feed. Written for H2 in
 * PostgreSQL mode; see state-notes.md for the shape that later serves several instances.
 */
public class StateStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final JdbcConnectionPool pool;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();

    private final WriterLock writerLock;
    private final boolean writer;

    /** Opens the state for writing: this process becomes its only writer, or {@link StateInUseException} says who is. */
    public StateStore(Path stateDir, ZoneId zone, Duration lease, Clock clock) {
        this(stateDir, zone, lease, clock, true);
    }

    private StateStore(Path stateDir, ZoneId zone, Duration lease, Clock clock, boolean writer) {
        this.zone = zone;
        this.lease = lease;
        this.clock = clock;
        PrivateFolder.create(stateDir);
        this.writerLock = writer ? WriterLock.acquire(stateDir) : WriterLock.tryAcquire(stateDir);
        if (!writer && writerLock == null) {
            throw new StateInUseException("the state in " + stateDir.toAbsolutePath() + " is held by a running news-digest");
        }
        this.writer = writer;
        // embedded and single-process: no database server, no port. FILE_LOCK=FS: the OS lock goes with a killed process,
        // so the next start need not wait to judge it stale; the writer lock above already keeps a second process out.
        // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM the database stays open until this store has released its claims.
        String url = "jdbc:h2:file:" + stateDir.toAbsolutePath().resolve("digest")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE"
                + (writer ? "" : ";IFEXISTS=TRUE");
        this.pool = JdbcConnectionPool.create(url, "digest", "");
        try {
            if (writer) {
                createSchema();
                releaseOrphanedClaims();
                PrivateFolder.restrict(stateDir);
            } else {
                run(c -> c.isValid(5));
            }
        } catch (StateStoreException e) {
            pool.dispose();
            if (writerLock != null) {
                writerLock.close();
            }
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                throw new StateUnusableException("no state in " + stateDir.toAbsolutePath() + " yet: nothing has run there");
            }
            throw e;
        }
    }

    /**
     * Opens the state for reading when no process writes it (the writer answers {@code status} itself, through
     * {@link com.example.digest.observe.StatusChannel}); {@link StateInUseException} when one does. Nothing is changed.
     */
    public static StateStore openForReading(Path stateDir, ZoneId zone, Clock clock) {
        return new StateStore(stateDir, zone, Duration.ZERO, clock, false);
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

    /**
     * Records the entries of one feed answer in one transaction, each new one as {@code NEW} with everything needed
     * to process it later; entries already known are left as they are. Returns the entries that were new.
     */
    public List<Article> record(List<Article> articles) {
        return inTransaction(c -> {
            List<Article> recorded = new ArrayList<>();
            for (Article article : articles) {
                if (insert(c, article)) {
                    recorded.add(article);
                }
            }
            return recorded;
        });
    }

    /** Inserts an entry as {@code NEW} unless its key is known; fills in the entry of a row an older release made without it. */
    private boolean insert(Connection c, Article article) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO article(article_key, feed_id, item_day, status, first_seen, section, url, title, description, published_at)
                VALUES (?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, article.key());
            insert.setString(2, article.feedId());
            insert.setObject(3, today());
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.setString(5, article.section().name());
            insert.setString(6, article.url());
            insert.setString(7, article.title());
            insert.setString(8, article.description());
            insert.setTimestamp(9, article.publishedAt() == null ? null : Timestamp.from(article.publishedAt()));
            if (insert.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement fill = c.prepareStatement("""
                UPDATE article SET section = ?, url = ?, title = ?, description = ?, published_at = ?
                WHERE article_key = ? AND url IS NULL""")) {
            fill.setString(1, article.section().name());
            fill.setString(2, article.url());
            fill.setString(3, article.title());
            fill.setString(4, article.description());
            fill.setTimestamp(5, article.publishedAt() == null ? null : Timestamp.from(article.publishedAt()));
            fill.setString(6, article.key());
            fill.executeUpdate();
        }
        return false;
    }

    /**
     * The articles waiting to be processed, oldest first: recorded but never finished, given back by a stopped run, or
     * left by a killed one whose lease ran out. {@code feedId} narrows them to one feed (null: every feed).
     */
    public List<Article> pending(String feedId) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT article_key, feed_id, section, url, title, description, published_at FROM article
                    WHERE (status = 'NEW' OR (status = 'CLAIMED' AND lease_until < CURRENT_TIMESTAMP)) AND url IS NOT NULL
                      AND (CAST(? AS VARCHAR(200)) IS NULL OR feed_id = ?)
                    ORDER BY first_seen, article_key""")) {
                q.setString(1, feedId);
                q.setString(2, feedId);
                List<Article> result = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Article(rs.getString(2), com.example.digest.config.FeedConfig.Section.valueOf(rs.getString(3)),
                                rs.getString(1), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), null, 0));
                    }
                }
                return result;
            }
        });
    }

    /**
     * Claims an article for this process: records it if it is new, then takes it if nobody holds it and it is
     * not done. Returns the claimed article (with its day and fence), or null when it is a duplicate.
     */
    public Article claim(Article article) {
        return inTransaction(c -> { // one commit for the insert and the claim
            insert(c, article);
            int updated;
            try (PreparedStatement claim = c.prepareStatement("""
                    UPDATE article SET status = 'CLAIMED', owner = ?, fence = fence + 1, attempts = attempts + 1,
                      lease_until = DATEADD(SECOND, ?, CURRENT_TIMESTAMP)
                    WHERE article_key = ? AND (status = 'NEW' OR (status = 'CLAIMED' AND lease_until < CURRENT_TIMESTAMP))""")) {
                claim.setString(1, owner);
                claim.setLong(2, lease.toSeconds());
                claim.setString(3, article.key());
                updated = claim.executeUpdate();
            }
            if (updated != 1) {
                return null;
            }
            try (PreparedStatement read = c.prepareStatement("SELECT item_day, fence FROM article WHERE article_key = ?")) {
                read.setString(1, article.key());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return article.claimed(rs.getObject(1, LocalDate.class), rs.getLong(2));
                }
            }
        });
    }

    /**
     * Stores the finished item of a claimed article; from here on it counts as done. Returns false when the
     * claim was lost meanwhile (its lease ran out and another claim took it), in which case nothing is stored.
     */
    public boolean complete(Article claimed, String kind, String itemJson) {
        boolean stored = run(c -> {
            try (PreparedStatement done = c.prepareStatement("""
                    UPDATE article SET status = 'DONE', kind = ?, item = ?, owner = NULL, lease_until = NULL
                    WHERE article_key = ? AND fence = ? AND status = 'CLAIMED'""")) {
                done.setString(1, kind);
                done.setString(2, itemJson);
                done.setString(3, claimed.key());
                done.setLong(4, claimed.fence());
                return done.executeUpdate() == 1;
            }
        });
        if (!stored) {
            LOG.warn("Claim on {} was lost before it completed; the result is dropped", claimed.url());
        }
        return stored;
    }

    /** Gives a claimed article back, so that the next poll takes it again. */
    public void release(Article claimed) {
        run(c -> {
            try (PreparedStatement free = c.prepareStatement("""
                    UPDATE article SET status = 'NEW', owner = NULL, lease_until = NULL
                    WHERE article_key = ? AND fence = ? AND status = 'CLAIMED'""")) {
                free.setString(1, claimed.key());
                free.setLong(2, claimed.fence());
                return free.executeUpdate();
            }
        });
    }

    /**
     * Gives back claims left by a process that was killed. Only one process holds the writer lock, so a claim
     * owned by anyone else belongs to a dead process. With a database
     * shared by several instances this must be left to the lease instead.
     */
    private void releaseOrphanedClaims() {
        int released = run(c -> {
            try (PreparedStatement free = c.prepareStatement(
                    "UPDATE article SET status = 'NEW', owner = NULL, lease_until = NULL WHERE status = 'CLAIMED' AND owner <> ?")) {
                free.setString(1, owner);
                return free.executeUpdate();
            }
        });
        if (released > 0) {
            LOG.warn("Released {} article claim(s) left by a run that did not stop cleanly; they are processed again", released);
        }
    }

    /** Gives back every claim this process still holds: called on shutdown. */
    public int releaseOwnClaims() {
        return run(c -> {
            try (PreparedStatement free = c.prepareStatement(
                    "UPDATE article SET status = 'NEW', owner = NULL, lease_until = NULL WHERE owner = ? AND status = 'CLAIMED'")) {
                free.setString(1, owner);
                return free.executeUpdate();
            }
        });
    }

    /** Days with done items not yet in any published revision, oldest first; {@code before} excludes it and later days (null: all days). */
    public List<LocalDate> unpublishedDays(LocalDate before) {
        return run(c -> {
            String sql = "SELECT DISTINCT item_day FROM article WHERE status = 'DONE' AND revision IS NULL"
                    + (before == null ? "" : " AND item_day < ?") + " ORDER BY item_day";
            try (PreparedStatement q = c.prepareStatement(sql)) {
                if (before != null) {
                    q.setObject(1, before);
                }
                List<LocalDate> days = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        days.add(rs.getObject(1, LocalDate.class));
                    }
                }
                return days;
            }
        });
    }

    /** Every done item of a day, keyed by article key, with its kind ({@code news} or {@code incident}). */
    public List<StoredItem> doneItems(LocalDate day) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT article_key, feed_id, kind, item, revision FROM article WHERE item_day = ? AND status = 'DONE' ORDER BY first_seen")) {
                q.setObject(1, day);
                List<StoredItem> items = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(new StoredItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5) != null));
                    }
                }
                return items;
            }
        });
    }

    /** The last published revision of a day, 0 if none. */
    public int lastRevision(LocalDate day) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(revision), 0) FROM digest WHERE digest_day = ?")) {
                q.setObject(1, day);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Records a published revision in one transaction: its payload, the items it carried, and one pending delivery
     * per enabled channel (the outbox that every later run works through).
     */
    public void markPublished(LocalDate day, int revision, List<String> keys, String json, String markdown, List<String> channels) {
        inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("INSERT INTO digest(digest_day, revision, published_at, json, markdown) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement a = c.prepareStatement("UPDATE article SET revision = ? WHERE article_key = ? AND revision IS NULL");
                 PreparedStatement o = c.prepareStatement("""
                         INSERT INTO delivery(idem_key, channel, digest_day, revision, status, updated_at)
                         VALUES (?, ?, ?, ?, 'PENDING', ?)""")) {
                Timestamp now = Timestamp.from(clock.instant());
                d.setObject(1, day);
                d.setInt(2, revision);
                d.setTimestamp(3, now);
                d.setString(4, json);
                d.setString(5, markdown);
                d.executeUpdate();
                for (String key : keys) {
                    a.setInt(1, revision);
                    a.setString(2, key);
                    a.addBatch();
                }
                a.executeBatch();
                for (String channel : channels) {
                    o.setString(1, day + "-r" + revision);
                    o.setString(2, channel);
                    o.setObject(3, day);
                    o.setInt(4, revision);
                    o.setTimestamp(5, now);
                    o.addBatch();
                }
                o.executeBatch();
            }
            return null;
        });
    }

    /** Every delivery still pending, oldest digest first, with the digest's payload. */
    public List<PendingDelivery> pendingDeliveries() {
        return run(c -> {
            List<PendingDelivery> result = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT o.idem_key, o.channel, o.digest_day, o.revision, o.resend, o.attempts, d.json, d.markdown
                         FROM delivery o JOIN digest d ON d.digest_day = o.digest_day AND d.revision = o.revision
                         WHERE o.status = 'PENDING' ORDER BY o.digest_day, o.revision, o.updated_at, o.channel""")) {
                while (rs.next()) {
                    result.add(new PendingDelivery(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                            rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getString(8)));
                }
            }
            return result;
        });
    }

    public void deliverySucceeded(PendingDelivery d) {
        updateDelivery(d, "SENT", null, false);
    }

    /** The delivery stays pending, with its reason; {@code permanent} marks a failure that retrying will not fix. */
    public void deliveryFailed(PendingDelivery d, String reason, boolean permanent) {
        updateDelivery(d, "PENDING", reason, permanent);
    }

    private void updateDelivery(PendingDelivery d, String status, String reason, boolean permanent) {
        run(c -> {
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE delivery SET status = ?, last_error = ?, permanent = ?, attempts = attempts + 1, updated_at = ?
                    WHERE idem_key = ? AND channel = ?""")) {
                u.setString(1, status);
                u.setString(2, reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                u.setBoolean(3, permanent);
                u.setTimestamp(4, Timestamp.from(clock.instant()));
                u.setString(5, d.idempotencyKey());
                u.setString(6, d.channel());
                return u.executeUpdate();
            }
        });
    }

    /**
     * Schedules a deliberate re-delivery of a day's latest revision on {@code channels}, each with a fresh key
     * ({@code <date>-r<revision>-resend-<n>}); a delivery of it still pending is superseded. Returns the keys, or an
     * empty list when the day has no published digest.
     */
    public List<String> scheduleResend(LocalDate day, List<String> channels) {
        int revision = lastRevision(day);
        if (revision == 0) {
            return List.of();
        }
        return inTransaction(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement count = c.prepareStatement(
                         "SELECT COUNT(*) FROM delivery WHERE digest_day = ? AND revision = ? AND channel = ? AND resend");
                 PreparedStatement supersede = c.prepareStatement("""
                         UPDATE delivery SET status = 'SUPERSEDED', updated_at = ?
                         WHERE digest_day = ? AND revision = ? AND channel = ? AND status = 'PENDING'""");
                 PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO delivery(idem_key, channel, digest_day, revision, status, resend, updated_at)
                         VALUES (?, ?, ?, ?, 'PENDING', TRUE, ?)""")) {
                Timestamp now = Timestamp.from(clock.instant());
                for (String channel : channels) {
                    count.setObject(1, day);
                    count.setInt(2, revision);
                    count.setString(3, channel);
                    int n;
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        n = rs.getInt(1) + 1;
                    }
                    supersede.setTimestamp(1, now);
                    supersede.setObject(2, day);
                    supersede.setInt(3, revision);
                    supersede.setString(4, channel);
                    supersede.executeUpdate();
                    String key = day + "-r" + revision + "-resend-" + n;
                    insert.setString(1, key);
                    insert.setString(2, channel);
                    insert.setObject(3, day);
                    insert.setInt(4, revision);
                    insert.setTimestamp(5, now);
                    insert.executeUpdate();
                    keys.add(key);
                }
            }
            return keys;
        });
    }

    /** The state of every delivery of a day, for tests and status: key, channel, status, attempts, last error. */
    public List<DeliveryState> deliveries(LocalDate day) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT idem_key, channel, status, attempts, last_error, permanent FROM delivery
                    WHERE digest_day = ? ORDER BY revision, updated_at, channel""")) {
                q.setObject(1, day);
                List<DeliveryState> result = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        result.add(new DeliveryState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getBoolean(6)));
                    }
                }
                return result;
            }
        });
    }

    public void feedSucceeded(String feedId) {
        upsertFeed(feedId, true, null);
    }

    public void feedFailed(String feedId, String reason) {
        upsertFeed(feedId, false, reason);
    }

    private void upsertFeed(String feedId, boolean ok, String reason) {
        run(c -> {
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement u = c.prepareStatement("""
                    MERGE INTO feed_status f USING (VALUES (CAST(? AS VARCHAR(200)))) AS s(feed_id) ON f.feed_id = s.feed_id
                    WHEN MATCHED THEN UPDATE SET last_poll = ?, ok = ?, error = ?,
                      last_success = CASE WHEN ? THEN ? ELSE f.last_success END,
                      consecutive_failures = CASE WHEN ? THEN 0 ELSE f.consecutive_failures + 1 END
                    WHEN NOT MATCHED THEN INSERT (feed_id, last_poll, last_success, ok, error, consecutive_failures)
                      VALUES (s.feed_id, ?, ?, ?, ?, ?)""")) {
                String error = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
                u.setString(1, feedId);
                u.setTimestamp(2, now);
                u.setBoolean(3, ok);
                u.setString(4, error);
                u.setBoolean(5, ok);
                u.setTimestamp(6, now);
                u.setBoolean(7, ok);
                u.setTimestamp(8, now);
                u.setTimestamp(9, ok ? now : null);
                u.setBoolean(10, ok);
                u.setString(11, error);
                u.setInt(12, ok ? 0 : 1);
                return u.executeUpdate();
            }
        });
    }

    /** The ETag and Last-Modified a feed's last successful poll returned (either may be null). */
    public String[] feedValidators(String feedId) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT etag, last_modified FROM feed_status WHERE feed_id = ?")) {
                q.setString(1, feedId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : new String[] {null, null};
                }
            }
        });
    }

    /** Keeps a feed's validators for the next conditional GET. */
    public void rememberValidators(String feedId, String etag, String lastModified) {
        upsertFeed(feedId, true, null);
        run(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE feed_status SET etag = ?, last_modified = ? WHERE feed_id = ?")) {
                u.setString(1, etag == null || etag.length() > 500 ? null : etag);
                u.setString(2, lastModified == null || lastModified.length() > 100 ? null : lastModified);
                u.setString(3, feedId);
                return u.executeUpdate();
            }
        });
    }

    /** How many new articles the feed's last poll brought. */
    public void recordNewItems(String feedId, int count) {
        run(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE feed_status SET new_items = ? WHERE feed_id = ?")) {
                u.setInt(1, count);
                u.setString(2, feedId);
                return u.executeUpdate();
            }
        });
    }

    /** The current state of every feed that has been polled, by feed id. */
    public Map<String, FeedStatus> feedStatuses() {
        return run(c -> {
            Map<String, FeedStatus> result = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT feed_id, ok, error, consecutive_failures, last_success, last_poll, new_items FROM feed_status""")) {
                while (rs.next()) {
                    int count = rs.getInt(7);
                    Integer newItems = rs.wasNull() ? null : count; // right after its own column: wasNull reads the last one
                    result.put(rs.getString(1), new FeedStatus(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getInt(4),
                            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), newItems));
                }
            }
            return result;
        });
    }

    /** How many articles are done for {@code day} (news and incidents). */
    public int doneCount(LocalDate day) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM article WHERE item_day = ? AND status = 'DONE'")) {
                q.setObject(1, day);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The latest published revision of any day, or null when nothing was published yet. */
    public PublishedRevision lastPublished() {
        return run(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT digest_day, revision, published_at FROM digest ORDER BY published_at DESC, digest_day DESC, revision DESC LIMIT 1")) {
                return rs.next() ? new PublishedRevision(rs.getObject(1, LocalDate.class), rs.getInt(2), instant(rs.getTimestamp(3))) : null;
            }
        });
    }

    /** Per channel, when a delivery last succeeded, and how many are pending (with the latest error). */
    public Map<String, ChannelState> channelStates() {
        return run(c -> {
            Map<String, ChannelState> result = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT channel,
                                MAX(CASE WHEN status = 'SENT' THEN updated_at END),
                                SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END),
                                SUM(CASE WHEN status = 'PENDING' AND last_error IS NOT NULL THEN 1 ELSE 0 END)
                         FROM delivery GROUP BY channel ORDER BY channel""")) {
                while (rs.next()) {
                    result.put(rs.getString(1), new ChannelState(rs.getString(1), instant(rs.getTimestamp(2)), rs.getInt(3), rs.getInt(4)));
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT channel, last_error FROM delivery WHERE status = 'PENDING' AND last_error IS NOT NULL
                         ORDER BY updated_at""")) {
                while (rs.next()) {
                    ChannelState st = result.get(rs.getString(1));
                    result.put(st.channel(), st.withLastError(rs.getString(2)));
                }
            }
            return result;
        });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Override
    public void close() {
        if (writer) {
            try {
                int released = releaseOwnClaims();
                if (released > 0) {
                    LOG.info("Released {} unfinished claim(s); the next run takes them again", released);
                }
            } catch (StateStoreException e) {
                // the claims stay, and the next start releases them (it holds the writer lock)
                LOG.info("Unfinished claims not released at shutdown ({}); the next start releases them", e.getMessage());
            }
        }
        try {
            run(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN"); // DB_CLOSE_ON_EXIT=FALSE: the database closes here, not in a JVM hook
                }
                return null;
            });
        } catch (StateStoreException e) {
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
            throw new StateStoreException("state store: " + e.getMessage(), e);
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

    /** A done item as stored: its JSON, kind and whether an earlier revision already carried it. */
    public record StoredItem(String key, String feedId, String kind, String json, boolean published) {
    }

    /** A delivery to do: which digest, on which channel, with which idempotency key, and the digest's payload. */
    public record PendingDelivery(String idempotencyKey, String channel, LocalDate day, int revision, boolean resend,
                                  int attempts, String json, String markdown) {
        /** The digest JSON as the file and the webhook carry it. */
        public byte[] jsonBytes() {
            return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A delivery as recorded. */
    public record DeliveryState(String idempotencyKey, String channel, String status, int attempts, String lastError,
                                boolean permanent) {
    }

    /** A feed's polling record. */
    public record FeedStatus(String feedId, boolean ok, String error, int consecutiveFailures, Instant lastSuccess,
                             Instant lastPoll, Integer newItems) {
    }

    /** A published revision. */
    public record PublishedRevision(LocalDate day, int revision, Instant publishedAt) {
    }

    /** A delivery channel's record: its last success, its pending deliveries, those that failed, the latest error. */
    public record ChannelState(String channel, Instant lastSuccess, int pending, int failing, String lastError) {
        ChannelState(String channel, Instant lastSuccess, int pending, int failing) {
            this(channel, lastSuccess, pending, failing, null);
        }

        ChannelState withLastError(String error) {
            return new ChannelState(channel, lastSuccess, pending, failing, error);
        }
    }

    /** Another process holds the state: only one writer is allowed. */
    public static class StateInUseException extends StateUnusableException {
        public StateInUseException(String message) {
            super(message);
        }
    }

    /** The state cannot be opened: its folder cannot be created or written, or another process holds it. */
    public static class StateUnusableException extends RuntimeException {
        public StateUnusableException(String message) {
            super(message);
        }
    }

    /** The state store cannot be read or written. */
    public static class StateStoreException extends RuntimeException {
        public StateStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
