package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbox: one row per delivery of a revision on a channel, pending until it is sent, with its attempts and last error. */
public class DeliveryOutbox {
    private final Database db;
    private final DigestRevisions revisions;

    DeliveryOutbox(Database db, DigestRevisions revisions) {
        this.db = db;
        this.revisions = revisions;
    }

    /** Every delivery still pending, oldest digest first, with the digest's payload. */
    public List<StateStore.PendingDelivery> pendingDeliveries() {
        return db.run(c -> {
            List<StateStore.PendingDelivery> result = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT o.idem_key, o.channel, o.digest_day, o.revision, o.resend, o.attempts, d.json, d.markdown, d.stix
                         FROM delivery o JOIN digest d ON d.digest_day = o.digest_day AND d.revision = o.revision
                         WHERE o.status = 'PENDING' ORDER BY o.digest_day, o.revision, o.updated_at, o.channel""")) {
                while (rs.next()) {
                    result.add(new StateStore.PendingDelivery(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                            rs.getBoolean(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return result;
        });
    }

    /**
     * The pending deliveries this instance may send now, each claimed for it with a lease on the database clock: one
     * another instance holds is left to it, and a claim whose holder died is taken over once its lease has run out.
     */
    public List<StateStore.PendingDelivery> claimPending() {
        List<StateStore.PendingDelivery> claimed = new ArrayList<>();
        for (StateStore.PendingDelivery d : pendingDeliveries()) {
            int taken = db.run(c -> {
                try (PreparedStatement claim = c.prepareStatement("""
                        UPDATE delivery SET owner = ?, lease_until = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND
                        WHERE idem_key = ? AND channel = ? AND status = 'PENDING'
                          AND (owner IS NULL OR owner = ? OR lease_until < CURRENT_TIMESTAMP)""")) {
                    claim.setString(1, db.owner());
                    claim.setLong(2, db.lease().toSeconds());
                    claim.setString(3, d.idempotencyKey());
                    claim.setString(4, d.channel());
                    claim.setString(5, db.owner());
                    return claim.executeUpdate();
                }
            });
            if (taken == 1) {
                claimed.add(d);
            }
        }
        return claimed;
    }

    public void deliverySucceeded(StateStore.PendingDelivery d) {
        updateDelivery(d, "SENT", null, false);
    }

    /** The delivery stays pending, with its reason; {@code permanent} marks a failure that retrying will not fix. */
    public void deliveryFailed(StateStore.PendingDelivery d, String reason, boolean permanent) {
        updateDelivery(d, "PENDING", reason, permanent);
    }

    private void updateDelivery(StateStore.PendingDelivery d, String status, String reason, boolean permanent) {
        db.run(c -> {
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE delivery SET status = ?, last_error = ?, permanent = ?, attempts = attempts + 1, updated_at = ?,
                      owner = NULL, lease_until = NULL
                    WHERE idem_key = ? AND channel = ?""")) {
                u.setString(1, status);
                u.setString(2, reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                u.setBoolean(3, permanent);
                u.setTimestamp(4, db.now());
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
        int revision = revisions.lastRevision(day);
        if (revision == 0) {
            return List.of();
        }
        return db.inTransaction(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement count = c.prepareStatement(
                         "SELECT COUNT(*) FROM delivery WHERE digest_day = ? AND revision = ? AND channel = ? AND resend");
                 PreparedStatement supersede = c.prepareStatement("""
                         UPDATE delivery SET status = 'SUPERSEDED', updated_at = ?
                         WHERE digest_day = ? AND revision = ? AND channel = ? AND status = 'PENDING'""");
                 PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO delivery(idem_key, channel, digest_day, revision, status, resend, updated_at)
                         VALUES (?, ?, ?, ?, 'PENDING', TRUE, ?)""")) {
                Timestamp now = db.now();
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
    public List<StateStore.DeliveryState> deliveries(LocalDate day) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT idem_key, channel, status, attempts, last_error, permanent FROM delivery
                    WHERE digest_day = ? ORDER BY revision, updated_at, channel""")) {
                q.setObject(1, day);
                List<StateStore.DeliveryState> result = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        result.add(new StateStore.DeliveryState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getBoolean(6)));
                    }
                }
                return result;
            }
        });
    }

    /** Per channel, when a delivery last succeeded, and how many are pending (with the latest error). */
    public Map<String, StateStore.ChannelState> channelStates() {
        return db.run(c -> {
            Map<String, StateStore.ChannelState> result = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT channel,
                                MAX(CASE WHEN status = 'SENT' THEN updated_at END),
                                SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END),
                                SUM(CASE WHEN status = 'PENDING' AND last_error IS NOT NULL THEN 1 ELSE 0 END)
                         FROM delivery GROUP BY channel ORDER BY channel""")) {
                while (rs.next()) {
                    result.put(rs.getString(1), new StateStore.ChannelState(rs.getString(1), Database.instant(rs.getTimestamp(2)), rs.getInt(3), rs.getInt(4)));
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("""
                         SELECT channel, last_error FROM delivery WHERE status = 'PENDING' AND last_error IS NOT NULL
                         ORDER BY updated_at""")) {
                while (rs.next()) {
                    StateStore.ChannelState st = result.get(rs.getString(1));
                    result.put(st.channel(), st.withLastError(rs.getString(2)));
                }
            }
            return result;
        });
    }
}
