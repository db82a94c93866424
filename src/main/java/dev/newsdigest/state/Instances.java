package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The instances that share the state, for {@code status}: each writer has a row with its host and process id and a
 * heartbeat on the database clock, renewed every {@value #HEARTBEAT_SECONDS} s while it runs and removed when it stops.
 * A killed instance's row stays, with a heartbeat that grows old.
 */
public class Instances implements AutoCloseable {
    static final int HEARTBEAT_SECONDS = 30;

    private final Database db;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "state-heartbeat");
        t.setDaemon(true);
        return t;
    });

    Instances(Database db) {
        this.db = db;
    }

    /** Adds this instance and keeps its heartbeat. */
    void join() {
        db.run(c -> {
            try (PreparedStatement add = c.prepareStatement("""
                    INSERT INTO instance(owner, host, pid, started_at, heartbeat_at)
                    VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING""")) {
                add.setString(1, db.owner());
                add.setString(2, host());
                add.setLong(3, ProcessHandle.current().pid());
                return add.executeUpdate();
            }
        });
        beat.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private void heartbeat() {
        try {
            db.run(c -> {
                try (PreparedStatement u = c.prepareStatement("UPDATE instance SET heartbeat_at = CURRENT_TIMESTAMP WHERE owner = ?")) {
                    u.setString(1, db.owner());
                    return u.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // the next beat tries again; status shows the heartbeat growing old meanwhile
        }
    }

    /** Every instance with a row, with the age of its heartbeat and the article claims it holds now. */
    public List<Instance> list() {
        return db.run(c -> {
            List<Instance> result = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT i.owner, i.host, i.pid, i.heartbeat_at,
                           (SELECT COUNT(*) FROM article a WHERE a.owner = i.owner AND a.status = 'CLAIMED'
                              AND a.lease_until > CURRENT_TIMESTAMP),
                           i.owner = ?
                    FROM instance i ORDER BY i.started_at, i.owner""");) {
                q.setString(1, db.owner());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Instance(rs.getString(2), rs.getLong(3), Database.instant(rs.getTimestamp(4)), rs.getInt(5),
                                rs.getBoolean(6)));
                    }
                }
            }
            return result;
        });
    }

    /** Stops the heartbeat and removes this instance's row. */
    @Override
    public void close() {
        beat.shutdownNow();
        try {
            db.run(c -> {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM instance WHERE owner = ?")) {
                    d.setString(1, db.owner());
                    return d.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // a row left behind only shows as an old heartbeat
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** One instance: where it runs, its last heartbeat, the claims it holds, and whether it is this process. */
    public record Instance(String host, long pid, Instant heartbeat, int claims, boolean self) {
        /** Alive: its heartbeat is younger than three beats. */
        public boolean alive(Instant now) {
            return heartbeat != null && Duration.between(heartbeat, now).getSeconds() < 3L * HEARTBEAT_SECONDS;
        }
    }
}
