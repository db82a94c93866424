package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Published days: which done items are still unpublished, each revision with its payload and its outbox rows. */
public class DigestRevisions {
    private final Database db;
    private final IntelLedger intel;

    DigestRevisions(Database db, IntelLedger intel) {
        this.db = db;
        this.intel = intel;
    }

    /** Days with done items not yet in any published revision, oldest first; {@code before} excludes it and later days (null: all days). */
    public List<LocalDate> unpublishedDays(LocalDate before) {
        return db.run(c -> {
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
    public List<StateStore.StoredItem> doneItems(LocalDate day) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT article_key, feed_id, kind, item, revision FROM article WHERE item_day = ? AND status = 'DONE' ORDER BY first_seen")) {
                q.setObject(1, day);
                List<StateStore.StoredItem> items = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(new StateStore.StoredItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5) != null));
                    }
                }
                return items;
            }
        });
    }

    /** The last published revision of a day, 0 if none. */
    public int lastRevision(LocalDate day) {
        return db.run(c -> {
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
     * per enabled channel (the outbox that every later run works through), and what it publishes for threat-intelligence
     * platforms ({@link IntelLedger}), its STIX bundle made by {@code bundle} from the objects as the revision carries them. Returns false, and records nothing, when
     * this revision of the day is already there: another instance sharing the database published it first.
     */
    public boolean markPublished(LocalDate day, int revision, List<String> keys, String json, String markdown, List<String> channels,
                                 dev.newsdigest.model.Intel published, java.util.function.Function<List<com.fasterxml.jackson.databind.JsonNode>, String> bundle) {
        return db.inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement(
                         "INSERT INTO digest(digest_day, revision, published_at, json, markdown) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement a = c.prepareStatement("UPDATE article SET revision = ? WHERE article_key = ? AND revision IS NULL");
                 PreparedStatement o = c.prepareStatement("""
                         INSERT INTO delivery(idem_key, channel, digest_day, revision, status, updated_at)
                         VALUES (?, ?, ?, ?, 'PENDING', ?)""")) {
                Timestamp now = db.now();
                d.setObject(1, day);
                d.setInt(2, revision);
                d.setTimestamp(3, now);
                d.setString(4, json);
                d.setString(5, markdown);
                if (d.executeUpdate() == 0) {
                    return false; // the primary key (day, revision) decides who published it, on any database clock
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE digest SET stix = ? WHERE digest_day = ? AND revision = ?")) {
                    s.setString(1, bundle.apply(intel.record(c, day, revision, published, now)));
                    s.setObject(2, day);
                    s.setInt(3, revision);
                    s.executeUpdate();
                }
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
            return true;
        });
    }

    /**
     * Takes the lease on publishing {@code day} for this instance (on the database clock); false while another
     * instance holds it. A lease its holder never gave back runs out.
     */
    public boolean leaseDay(LocalDate day) {
        return db.inTransaction(c -> {
            try (PreparedStatement first = c.prepareStatement("INSERT INTO publish_lease(digest_day) VALUES (?) ON CONFLICT DO NOTHING");
                 PreparedStatement take = c.prepareStatement("""
                         UPDATE publish_lease SET owner = ?, lease_until = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND
                         WHERE digest_day = ? AND (owner IS NULL OR owner = ? OR lease_until < CURRENT_TIMESTAMP)""")) {
                first.setObject(1, day);
                first.executeUpdate();
                take.setString(1, db.owner());
                take.setLong(2, db.lease().toSeconds());
                take.setObject(3, day);
                take.setString(4, db.owner());
                return take.executeUpdate() == 1;
            }
        });
    }

    /** Gives the lease on publishing {@code day} back. */
    public void releaseDay(LocalDate day) {
        db.run(c -> {
            try (PreparedStatement free = c.prepareStatement(
                    "UPDATE publish_lease SET owner = NULL, lease_until = NULL WHERE digest_day = ? AND owner = ?")) {
                free.setObject(1, day);
                free.setString(2, db.owner());
                return free.executeUpdate();
            }
        });
    }

    /** How many articles are done for {@code day} (news and incidents). */
    public int doneCount(LocalDate day) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM article WHERE item_day = ? AND status = 'DONE'")) {
                q.setObject(1, day);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * The latest published revision of each day, newest day first, at most {@code max} days, each with when the day's
     * first revision was published: what the Atom feed carries.
     */
    public List<StateStore.DayDigest> latestPerDay(int max) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT d.digest_day, d.revision, f.first_at, d.published_at, d.json, d.markdown
                    FROM digest d JOIN (SELECT digest_day, MAX(revision) AS revision, MIN(published_at) AS first_at
                                        FROM digest GROUP BY digest_day) f
                      ON d.digest_day = f.digest_day AND d.revision = f.revision
                    ORDER BY d.digest_day DESC LIMIT ?""")) {
                q.setInt(1, max);
                List<StateStore.DayDigest> days = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        days.add(new StateStore.DayDigest(rs.getObject(1, LocalDate.class), rs.getInt(2), Database.instant(rs.getTimestamp(3)),
                                Database.instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6)));
                    }
                }
                return days;
            }
        });
    }

    /** The latest published revision of any day, or null when nothing was published yet. */
    public StateStore.PublishedRevision lastPublished() {
        return db.run(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT digest_day, revision, published_at FROM digest ORDER BY published_at DESC, digest_day DESC, revision DESC LIMIT 1")) {
                return rs.next() ? new StateStore.PublishedRevision(rs.getObject(1, LocalDate.class), rs.getInt(2), Database.instant(rs.getTimestamp(3))) : null;
            }
        });
    }
}
