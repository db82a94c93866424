package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/** The ticket of each story: its id in the ticketing system and the hash of what it was last told. */
public class TicketLedger {
    private final Database db;

    TicketLedger(Database db) {
        this.db = db;
    }

    /** A story's ticket: {@code id} empty when the system answered none (a plain webhook). */
    public record Ticket(String id, String changeHash) {
    }

    /** The story's ticket, or null when it has none yet. */
    public Ticket get(String storyKey) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT ticket_id, change_hash FROM ticket WHERE story_key = ?")) {
                q.setString(1, storyKey);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? new Ticket(rs.getString(1), rs.getString(2)) : null;
                }
            }
        });
    }

    /** Records the story's ticket and what it now says (made if it is the story's first, else replaced). */
    public void record(String storyKey, String ticketId, String changeHash, LocalDate day, int revision) {
        db.inTransaction(c -> {
            try (PreparedStatement first = c.prepareStatement("""
                         INSERT INTO ticket(story_key, ticket_id, change_hash, digest_day, revision, updated_at)
                         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
                 PreparedStatement u = c.prepareStatement("""
                         UPDATE ticket SET ticket_id = ?, change_hash = ?, digest_day = ?, revision = ?, updated_at = ?
                         WHERE story_key = ?""")) {
                first.setString(1, storyKey);
                first.setString(2, ticketId);
                first.setString(3, changeHash);
                first.setObject(4, day);
                first.setInt(5, revision);
                first.setTimestamp(6, db.now());
                if (first.executeUpdate() == 1) {
                    return 1;
                }
                u.setString(1, ticketId);
                u.setString(2, changeHash);
                u.setObject(3, day);
                u.setInt(4, revision);
                u.setTimestamp(5, db.now());
                u.setString(6, storyKey);
                return u.executeUpdate();
            }
        });
    }
}
