package com.example.digest.state;

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

    private void upsertFeed(String feedId, boolean ok, String reason) {
        db.run(c -> {
            Timestamp now = db.now();
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
