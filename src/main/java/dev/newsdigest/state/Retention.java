package dev.newsdigest.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code digest.retention}: removes what is older than the retention period. De-duplication entries and items of
 * published days, published digests with their sent deliveries, token usage, cached model answers, CVE answers not
 * confirmed for the period and delivered dead letters go; an unpublished item, a pending delivery and the digest it belongs to always stay.
 * A day's latest revision, which the archive site shows, may be kept longer ({@code digest.site.retention}).
 */
public class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final StateStore store;
    private final Duration keep;
    private final Duration archiveKeep;
    private final List<Path> fileAreas;
    private final Clock clock;

    /** {@code fileAreas}: folders whose files expire by age (the model-answer cache, delivered dead letters). */
    public Retention(StateStore store, Duration keep, List<Path> fileAreas, Clock clock) {
        this(store, keep, keep, fileAreas, clock);
    }

    /**
     * As above, but each day's latest published revision, what the archive site, its search and the Atom feed read, is
     * kept for {@code archiveKeep} ({@code digest.site.retention}) when that is longer; the day's earlier revisions
     * follow {@code keep}.
     */
    public Retention(StateStore store, Duration keep, Duration archiveKeep, List<Path> fileAreas, Clock clock) {
        this.store = store;
        this.keep = keep;
        this.archiveKeep = archiveKeep.compareTo(keep) > 0 ? archiveKeep : keep;
        this.fileAreas = fileAreas;
        this.clock = clock;
    }

    /** Prunes everything older than the retention period; returns the number of rows and files removed. */
    public int prune() {
        LocalDate before = store.today().minusDays(Math.max(1, keep.toDays()));
        LocalDate archiveBefore = store.today().minusDays(Math.max(1, archiveKeep.toDays()));
        int rows = store.inTransaction(c -> {
            int removed = 0;
            for (String sql : List.of(
                    // done and published, or never finished: a finished but unpublished item is kept until it is published
                    "DELETE FROM article WHERE item_day < ? AND ((status = 'DONE' AND revision IS NOT NULL) OR status = 'NEW')",
                    "DELETE FROM delivery WHERE digest_day < ? AND status <> 'PENDING'",
                    "DELETE FROM llm_usage WHERE usage_day < ?")) {
                try (PreparedStatement delete = c.prepareStatement(sql)) {
                    delete.setObject(1, before);
                    removed += delete.executeUpdate();
                }
            }
            // a published digest with no delivery still owed; a day's latest revision only once past the archive's time
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM digest d WHERE digest_day < ? AND NOT EXISTS "
                    + "(SELECT 1 FROM delivery p WHERE p.digest_day = d.digest_day AND p.revision = d.revision) "
                    + "AND (digest_day < ? OR revision < (SELECT MAX(m.revision) FROM digest m WHERE m.digest_day = d.digest_day))")) {
                delete.setObject(1, before);
                delete.setObject(2, archiveBefore);
                removed += delete.executeUpdate();
            }
            // CVE answers nobody confirmed for the retention period: a digest that names the id again asks anew
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM cve_source WHERE checked_at < ? OR checked_at IS NULL")) {
                delete.setTimestamp(1, java.sql.Timestamp.from(clock.instant().minus(keep)));
                removed += delete.executeUpdate();
            }
            return removed;
        });
        Instant cutoff = clock.instant().minus(keep);
        int files = fileAreas.stream().mapToInt(area -> pruneFiles(area, cutoff)).sum();
        if (rows + files > 0) {
            LOG.info("retention: removed {} state row(s) from before {} and {} file(s) older than {}", rows, before, files, keep);
        }
        return rows + files;
    }

    private static int pruneFiles(Path area, Instant cutoff) {
        if (!Files.isDirectory(area)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(area)) {
            int removed = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                FileTime modified = Files.getLastModifiedTime(f);
                if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("retention: cannot prune " + area, e);
        }
    }
}
