package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * {@code digest.llm.max-concurrent} and {@code digest.llm.requests-per-minute} for every instance that shares the
 * PostgreSQL database, not per process: a model call takes one of the fleet's slot rows (with a lease on the database
 * clock, so a killed instance's slot comes back) and one token of the fleet's bucket, refilled by the database clock.
 */
public class FleetLimits {
    private static final long POLL_MILLIS = 50;

    private final Database db;
    private final int slots;
    private final double perSecond;
    private final Duration slotLease;

    FleetLimits(Database db, int slots, int requestsPerMinute, Duration slotLease) {
        this.db = db;
        this.slots = slots;
        this.perSecond = requestsPerMinute == Integer.MAX_VALUE ? 0 : requestsPerMinute / 60.0;
        this.slotLease = slotLease;
        db.run(c -> {
            try (PreparedStatement add = c.prepareStatement("INSERT INTO model_slot(slot) VALUES (?) ON CONFLICT DO NOTHING")) {
                for (int slot = 1; slot <= slots; slot++) {
                    add.setInt(1, slot);
                    add.addBatch();
                }
                return add.executeBatch();
            }
        });
    }

    /** One of the fleet's free slots, taken for this instance by {@code deadline} (epoch millis); -1 when none came free. */
    public int takeSlot(long deadline) throws InterruptedException {
        while (true) {
            int slot = db.run(c -> {
                try (PreparedStatement take = c.prepareStatement("""
                        UPDATE model_slot SET owner = ?, lease_until = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND
                        WHERE slot = (SELECT slot FROM model_slot WHERE slot <= ? AND (owner IS NULL OR lease_until < CURRENT_TIMESTAMP)
                                      ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING slot""")) {
                    take.setString(1, db.owner());
                    take.setLong(2, slotLease.toSeconds());
                    take.setInt(3, slots);
                    try (ResultSet rs = take.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : -1;
                    }
                }
            });
            if (slot > 0) {
                return slot;
            }
            if (!pause(deadline, POLL_MILLIS)) {
                return -1;
            }
        }
    }

    /** Gives a slot back to the fleet. */
    public void giveSlot(int slot) {
        db.run(c -> {
            try (PreparedStatement give = c.prepareStatement(
                    "UPDATE model_slot SET owner = NULL, lease_until = NULL WHERE slot = ? AND owner = ?")) {
                give.setInt(1, slot);
                give.setString(2, db.owner());
                return give.executeUpdate();
            }
        });
    }

    /** Takes one token of the fleet's bucket by {@code deadline}; false when the rate did not allow it in time. */
    public boolean takeRate(long deadline) throws InterruptedException {
        if (perSecond == 0) {
            return true;
        }
        while (true) {
            long waitMillis = db.inTransaction(c -> {
                try (PreparedStatement first = c.prepareStatement(
                             "INSERT INTO model_rate(id, tokens, refilled_at) VALUES (1, 1, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
                     PreparedStatement read = c.prepareStatement(
                             "SELECT tokens, EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - refilled_at)) FROM model_rate WHERE id = 1 FOR UPDATE");
                     PreparedStatement write = c.prepareStatement(
                             "UPDATE model_rate SET tokens = ?, refilled_at = CURRENT_TIMESTAMP WHERE id = 1")) {
                    first.executeUpdate();
                    double tokens;
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        tokens = Math.min(1.0, rs.getDouble(1) + Math.max(0, rs.getDouble(2)) * perSecond); // no burst
                    }
                    boolean taken = tokens >= 1.0;
                    write.setDouble(1, taken ? tokens - 1.0 : tokens);
                    write.executeUpdate();
                    return taken ? 0L : (long) Math.ceil((1.0 - tokens) / perSecond * 1000);
                }
            });
            if (waitMillis == 0) {
                return true;
            }
            if (!pause(deadline, waitMillis)) {
                return false;
            }
        }
    }

    /** Waits {@code millis}, or until {@code deadline}; false when the deadline comes first. */
    private static boolean pause(long deadline, long millis) throws InterruptedException {
        long left = deadline - System.currentTimeMillis();
        if (left <= millis) {
            return false;
        }
        Thread.sleep(millis);
        return true;
    }
}
