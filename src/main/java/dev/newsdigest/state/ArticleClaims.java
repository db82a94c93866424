package dev.newsdigest.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code article} rows: entries recorded as {@code NEW}, claimed with a lease and a fence, done only with the
 * matching fence, given back on failure or shutdown, and taken again when a killed run's lease runs out.
 */
public class ArticleClaims {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleClaims.class);

    private final Database db;

    ArticleClaims(Database db) {
        this.db = db;
    }

    /**
     * Records the entries of one feed answer in one transaction, each new one as {@code NEW} with everything needed
     * to process it later; entries already known are left as they are. Returns the entries that were new.
     */
    public List<Article> record(List<Article> articles) {
        return db.inTransaction(c -> {
            List<Article> recorded = new ArrayList<>();
            for (Article article : articles) {
                if (insert(c, article)) {
                    recorded.add(article);
                }
            }
            return recorded;
        });
    }

    /** Inserts an entry as {@code NEW} unless its key is known; fills in the entry of a row an older release made without it. */
    private boolean insert(Connection c, Article article) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO article(article_key, feed_id, item_day, status, first_seen, section, url, title, description, published_at,
                  categories)
                VALUES (?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, article.key());
            insert.setString(2, article.feedId());
            insert.setObject(3, db.today());
            insert.setTimestamp(4, db.now());
            insert.setString(5, article.section().name());
            insert.setString(6, article.url());
            insert.setString(7, article.title());
            insert.setString(8, article.description());
            insert.setTimestamp(9, article.publishedAt() == null ? null : Timestamp.from(article.publishedAt()));
            insert.setString(10, categories(article.categories()));
            if (insert.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement fill = c.prepareStatement("""
                UPDATE article SET section = ?, url = ?, title = ?, description = ?, published_at = ?, categories = ?
                WHERE article_key = ? AND url IS NULL""")) {
            fill.setString(1, article.section().name());
            fill.setString(2, article.url());
            fill.setString(3, article.title());
            fill.setString(4, article.description());
            fill.setTimestamp(5, article.publishedAt() == null ? null : Timestamp.from(article.publishedAt()));
            fill.setString(6, categories(article.categories()));
            fill.setString(7, article.key());
            fill.executeUpdate();
        }
        return false;
    }

    /** An entry's categories as stored: one a line (a category is one line of text), null when it has none. */
    private static String categories(List<String> categories) {
        return categories.isEmpty() ? null : String.join("\n", categories);
    }

    private static List<String> categories(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    /**
     * The articles waiting to be processed, oldest first: recorded but never finished, given back by a stopped run, or
     * left by a killed one whose lease ran out. {@code feedId} narrows them to one feed (null: every feed).
     */
    public List<Article> pending(String feedId) {
        return db.run(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT article_key, feed_id, section, url, title, description, published_at, categories FROM article
                    WHERE (status = 'NEW' OR (status = 'CLAIMED' AND lease_until < CURRENT_TIMESTAMP)) AND url IS NOT NULL
                      AND (CAST(? AS VARCHAR(200)) IS NULL OR feed_id = ?)
                    ORDER BY first_seen, article_key""")) {
                q.setString(1, feedId);
                q.setString(2, feedId);
                List<Article> result = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        result.add(new Article(rs.getString(2), FeedConfig.Section.valueOf(rs.getString(3)),
                                rs.getString(1), rs.getString(4), rs.getString(5), rs.getString(6), Database.instant(rs.getTimestamp(7)), null, 0,
                                categories(rs.getString(8))));
                    }
                }
                return result;
            }
        });
    }

    /**
     * Claims an article for this process: records it if it is new, then takes it if nobody holds it and it is
     * not done. Returns the claimed article (with its day and fence), or null when it is a duplicate.
     */
    public Article claim(Article article) {
        return db.inTransaction(c -> { // one commit for the insert and the claim
            insert(c, article);
            int updated;
            try (PreparedStatement claim = c.prepareStatement("""
                    UPDATE article SET status = 'CLAIMED', owner = ?, fence = fence + 1, attempts = attempts + 1,
                      lease_until = CURRENT_TIMESTAMP + CAST(? AS INTEGER) * INTERVAL '1' SECOND
                    WHERE article_key = ? AND (status = 'NEW' OR (status = 'CLAIMED' AND lease_until < CURRENT_TIMESTAMP))""")) {
                claim.setString(1, db.owner());
                claim.setLong(2, db.lease().toSeconds());
                claim.setString(3, article.key());
                updated = claim.executeUpdate();
            }
            if (updated != 1) {
                return null;
            }
            try (PreparedStatement read = c.prepareStatement("SELECT item_day, fence FROM article WHERE article_key = ?")) {
                read.setString(1, article.key());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return article.claimed(rs.getObject(1, LocalDate.class), rs.getLong(2));
                }
            }
        });
    }

    /**
     * Stores the finished item of a claimed article; from here on it counts as done. Returns false when the
     * claim was lost meanwhile (its lease ran out and another claim took it), in which case nothing is stored.
     */
    public boolean complete(Article claimed, String kind, String itemJson) {
        boolean stored = db.run(c -> {
            try (PreparedStatement done = c.prepareStatement("""
                    UPDATE article SET status = 'DONE', kind = ?, item = ?, owner = NULL, lease_until = NULL
                    WHERE article_key = ? AND fence = ? AND status = 'CLAIMED'""")) {
                done.setString(1, kind);
                done.setString(2, itemJson);
                done.setString(3, claimed.key());
                done.setLong(4, claimed.fence());
                return done.executeUpdate() == 1;
            }
        });
        if (!stored) {
            LOG.warn("Claim on {} was lost before it completed; the result is dropped", claimed.url());
        }
        return stored;
    }

    /** Gives a claimed article back, so that the next poll takes it again. */
    public void release(Article claimed) {
        db.run(c -> {
            try (PreparedStatement free = c.prepareStatement("""
                    UPDATE article SET status = 'NEW', owner = NULL, lease_until = NULL
                    WHERE article_key = ? AND fence = ? AND status = 'CLAIMED'""")) {
                free.setString(1, claimed.key());
                free.setLong(2, claimed.fence());
                return free.executeUpdate();
            }
        });
    }

    /**
     * Gives back claims left by a process that was killed. Only one process holds the writer lock, so a claim
     * owned by anyone else belongs to a dead process. With a database
     * shared by several instances this must be left to the lease instead.
     */
    void releaseOrphanedClaims() {
        int released = db.run(c -> {
            try (PreparedStatement free = c.prepareStatement(
                    "UPDATE article SET status = 'NEW', owner = NULL, lease_until = NULL WHERE status = 'CLAIMED' AND owner <> ?")) {
                free.setString(1, db.owner());
                return free.executeUpdate();
            }
        });
        if (released > 0) {
            LOG.warn("Released {} article claim(s) left by a run that did not stop cleanly; they are processed again", released);
        }
    }

    /** Gives back every claim this process still holds: called on shutdown. */
    public int releaseOwnClaims() {
        return db.run(c -> {
            try (PreparedStatement free = c.prepareStatement(
                    "UPDATE article SET status = 'NEW', owner = NULL, lease_until = NULL WHERE owner = ? AND status = 'CLAIMED'")) {
                free.setString(1, db.owner());
                return free.executeUpdate();
            }
        });
    }
}
