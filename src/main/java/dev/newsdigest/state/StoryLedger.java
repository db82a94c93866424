package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The stories published so far: the day each was first and last published, and what the digest last said of it. */
public class StoryLedger {
    private final Database db;

    StoryLedger(Database db) {
        this.db = db;
    }

    /**
     * A published story: {@code snapshot} is the JSON the story rules wrote on {@code lastDay}; {@code beforeDay} and
     * {@code beforeSnapshot} what the day before that said (null when there was none).
     */
    public record StoredStory(String key, LocalDate firstDay, LocalDate lastDay, String snapshot, LocalDate beforeDay,
                              String beforeSnapshot) {
        /** The last publication before {@code day}: a revision of {@code day} compares with the day before it, not with itself. */
        public LocalDate dayBefore(LocalDate day) {
            return lastDay.isBefore(day) ? lastDay : beforeDay;
        }

        public String snapshotBefore(LocalDate day) {
            return lastDay.isBefore(day) ? snapshot : beforeSnapshot;
        }
    }

    /** The stories last published on or after {@code since} and first published before {@code before}. */
    public List<StoredStory> recent(LocalDate since, LocalDate before) {
        return db.run(c -> {
            List<StoredStory> stories = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT story_key, first_day, last_day, snapshot, before_day, before_snapshot FROM story WHERE last_day >= ? AND first_day < ?
                    ORDER BY first_day, story_key""")) {
                q.setObject(1, since);
                q.setObject(2, before);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        stories.add(new StoredStory(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                                rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6)));
                    }
                }
            }
            return stories;
        });
    }

    /**
     * Records what the day's digest said of a story; its first day stays the first it was published, and what an earlier
     * day said is kept while the same day is published again.
     */
    public void published(String key, LocalDate day, String snapshot) {
        db.inTransaction(c -> {
            try (PreparedStatement first = c.prepareStatement("""
                         INSERT INTO story(story_key, first_day, last_day, snapshot, updated_at) VALUES (?, ?, ?, ?, ?)
                         ON CONFLICT DO NOTHING""");
                 PreparedStatement u = c.prepareStatement(
                         """
                         UPDATE story SET
                           before_day = CASE WHEN last_day < ? THEN last_day ELSE before_day END,
                           before_snapshot = CASE WHEN last_day < ? THEN snapshot ELSE before_snapshot END,
                           last_day = ?, snapshot = ?, updated_at = ? WHERE story_key = ? AND last_day <= ?""")) {
                first.setString(1, key);
                first.setObject(2, day);
                first.setObject(3, day);
                first.setString(4, snapshot);
                first.setTimestamp(5, db.now());
                if (first.executeUpdate() == 1) {
                    return 1;
                }
                u.setObject(1, day);
                u.setObject(2, day);
                u.setObject(3, day);
                u.setString(4, snapshot);
                u.setTimestamp(5, db.now());
                u.setString(6, key);
                u.setObject(7, day);
                return u.executeUpdate();
            }
        });
    }
}
