package dev.newsdigest.state;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;

/**
 * Secrets the product makes once and keeps in its state (in the shared database for a fleet, so that every instance
 * uses the same): made on first use, by whichever instance comes first. Never logged, shown or sent.
 */
public class ProductKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    ProductKeys(Database db) {
        this.db = db;
    }

    /** The key of the ticket markers. */
    public byte[] ticketMarkerKey() {
        return Base64.getDecoder().decode(key("ticket-marker"));
    }

    private String key(String name) {
        String stored = read(name);
        if (stored != null) {
            return stored;
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        db.inTransaction(c -> {
            try (PreparedStatement i = c.prepareStatement(
                    "INSERT INTO product_key(name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                i.setString(1, name);
                i.setString(2, Base64.getEncoder().encodeToString(fresh));
                i.setTimestamp(3, db.now());
                return i.executeUpdate();
            }
        });
        return read(name); // another instance's, if it came first
    }

    private String read(String name) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT secret FROM product_key WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
