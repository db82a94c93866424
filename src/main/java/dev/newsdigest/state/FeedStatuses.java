package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/** One row per feed: its last poll, success or failure, consecutive failures, new items and conditional-GET validators. */
public class FeedStatuses {
    private final Database db;

    FeedStatuses(Database db) {
        this.db = db;
    }

    public void feedSucceeded(String feedId) {
        upsertFeed(feedId, true, null);
    }

    public void feedFailed(String feedId, String reason) {
        upsertFeed(feedId, false, reason);
    }

    /**
     * Records a poll: the row is made if it is the feed's first (INSERT ... ON CONFLICT DO NOTHING, which H2 and
     * PostgreSQL both run), then updated, in one transaction.
     */
    private void upsertFeed(String feedId, boolean ok, String reason) {
        db.inTransaction(c -> {
            Timestamp now = db.now();
            try (PreparedStatement first = c.prepareStatement(
                         "INSERT INTO feed_status(feed_id, ok, consecutive_failures) VALUES (?, ?, 0) ON CONFLICT DO NOTHING");
                 PreparedStatement u = c.prepareStatement("""
                         UPDATE feed_status SET last_poll = ?, ok = ?, error = ?,
                           last_success = CASE WHEN ? THEN ? ELSE last_success END,
                           consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures + 1 END
                         WHERE feed_id = ?""")) {
                first.setString(1, feedId);
                first.setBoolean(2, ok);
                first.executeUpdate();
                u.setTimestamp(1, now);
                u.setBoolean(2, ok);
                u.setString(3, reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                u.setBoolean(4, ok);
                u.setTimestamp(5, now);
                u.setBoolean(6, ok);
                u.setString(7, feedId);
                return u.executeUpdate();
            }
        });
    }

    /** The ETag and Last-Modified a feed's last successful poll returned (either may be null). */
    public String[] feedValidators(String feedId) {
        return db.run(c -> {
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
        db.run(c -> {
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
        db.run(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE feed_status SET new_items = ? WHERE feed_id = ?")) {
                u.setInt(1, count);
                u.setString(2, feedId);
                return u.executeUpdate();
            }
        });
    }

    /** The current state of every feed that has been polled, by feed id. */
    public Map<String, StateStore.FeedStatus> feedStatuses() {
        return db.run(c -> {
            Map<String, StateStore.FeedStatus> result = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT feed_id, ok, error, consecutive_failures, last_success, last_poll, new_items FROM feed_status""")) {
                while (rs.next()) {
                    int count = rs.getInt(7);
                    Integer newItems = rs.wasNull() ? null : count; // right after its own column: wasNull reads the last one
                    result.put(rs.getString(1), new StateStore.FeedStatus(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getInt(4),
                            Database.instant(rs.getTimestamp(5)), Database.instant(rs.getTimestamp(6)), newItems));
                }
            }
            return result;
        });
    }
}
