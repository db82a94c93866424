package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * One row per CVE source and item (a CVE id, or {@code catalog}): the last answer, its validators, when it was last
 * confirmed (a 200 or a 304) and the error of a failed attempt since. Timestamps are this process's clock, as stored.
 */
public class CveSourceCache {
    private final Database db;

    CveSourceCache(Database db) {
        this.db = db;
    }

    /** A stored answer: {@code body} null when no attempt has succeeded yet, empty when the source does not list the item. */
    public record Entry(String body, String etag, String lastModified, Instant checkedAt, String error) {
        public boolean answered() {
            return body != null;
        }
    }

    /** The stored answer, or null when the item was never asked for. */
    public Entry get(String source, String key) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT body, etag, last_modified, checked_at, error FROM cve_source WHERE source = ? AND item_key = ?")) {
                q.setString(1, source);
                q.setString(2, key);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? new Entry(rs.getString(1), rs.getString(2), rs.getString(3), Database.instant(rs.getTimestamp(4)),
                            rs.getString(5)) : null;
                }
            }
        });
    }

    /** A new answer (a 200, or a 404 as an empty body): it replaces the old with its validators. */
    public void answered(String source, String key, String body, String etag, String lastModified) {
        update(source, key, "body = ?, etag = ?, last_modified = ?, checked_at = ?, error = NULL", body,
                etag == null || etag.length() > 500 ? null : etag,
                lastModified == null || lastModified.length() > 100 ? null : lastModified, db.now());
    }

    /**
     * Many new answers of one source at once (a page of NVD's sync), in one transaction: each replaces the stored one,
     * validators cleared, as {@link #answered} does.
     */
    public void answeredAll(String source, java.util.Map<String, String> bodies) {
        if (bodies.isEmpty()) {
            return;
        }
        Timestamp now = db.now();
        db.inTransaction(c -> {
            try (PreparedStatement first = c.prepareStatement("INSERT INTO cve_source(source, item_key) VALUES (?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement u = c.prepareStatement("UPDATE cve_source SET body = ?, etag = NULL, last_modified = NULL, checked_at = ?, "
                         + "error = NULL WHERE source = ? AND item_key = ?")) {
                for (java.util.Map.Entry<String, String> e : bodies.entrySet()) {
                    first.setString(1, source);
                    first.setString(2, e.getKey());
                    first.addBatch();
                    u.setString(1, e.getValue());
                    u.setTimestamp(2, now);
                    u.setString(3, source);
                    u.setString(4, e.getKey());
                    u.addBatch();
                }
                first.executeBatch();
                return u.executeBatch().length;
            }
        });
    }

    /**
     * Every answer of {@code source} checked at or after {@code since} is still the source's (a sync found no change to
     * it since then): checked now, its last error gone. Answers older than that are left to their max-age.
     */
    public int confirmedSince(String source, Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE cve_source SET checked_at = ?, error = NULL WHERE source = ? AND body IS NOT NULL AND checked_at >= ?")) {
                u.setTimestamp(1, db.now());
                u.setString(2, source);
                u.setTimestamp(3, Timestamp.from(since));
                return u.executeUpdate();
            }
        });
    }

    /** A 304: the stored answer is still the source's. */
    public void confirmed(String source, String key) {
        update(source, key, "checked_at = ?, error = NULL", db.now());
    }

    /** A failed attempt: the stored answer, if any, stays in use; the reason is kept for the digest and {@code status}. */
    public void failed(String source, String key, String reason) {
        update(source, key, "error = ?", reason == null ? "unknown error" : reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    }

    /** Makes the row if it is the item's first (INSERT ... ON CONFLICT DO NOTHING runs on H2 and PostgreSQL), then sets it. */
    private void update(String source, String key, String assignments, Object... values) {
        db.inTransaction(c -> {
            try (PreparedStatement first = c.prepareStatement(
                         "INSERT INTO cve_source(source, item_key) VALUES (?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement u = c.prepareStatement("UPDATE cve_source SET " + assignments + " WHERE source = ? AND item_key = ?")) {
                first.setString(1, source);
                first.setString(2, key);
                first.executeUpdate();
                int i = 1;
                for (Object v : values) {
                    if (v instanceof Timestamp t) {
                        u.setTimestamp(i++, t);
                    } else {
                        u.setString(i++, (String) v);
                    }
                }
                u.setString(i++, source);
                u.setString(i, key);
                return u.executeUpdate();
            }
        });
    }
}
