package dev.newsdigest.state;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.model.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent state under {@code digest.state.dir}, in parts that each read on their own: the {@link Database}
 * (connections, transactions, schema, clock), {@link ArticleClaims} (one row per article, claimed with a lease and a
 * fence, done once its item is stored), {@link DigestRevisions} (published revisions), {@link DeliveryOutbox} (one row
 * per delivery) and {@link FeedStatuses} (one row per feed). This class opens them together and answers for them.
 */
public class StateStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final Database db;
    private final boolean writer;
    private final ArticleClaims claims;
    private final DigestRevisions revisions;
    private final DeliveryOutbox outbox;
    private final FeedStatuses feeds;
    private final Instances instances;
    private final CveSourceCache cveSources;
    private final ProductKeys keys;
    private final TicketLedger tickets;
    private final StoryLedger stories;
    private final IntelLedger intel;
    private final IntelQueries taxii;

    /** Opens the embedded state for writing: this process becomes its only writer, or {@link StateInUseException} says who is. */
    public StateStore(Path stateDir, ZoneId zone, Duration lease, Clock clock) {
        this(stateDir, DatabaseSettings.EMBEDDED, 8, zone, lease, clock, true);
    }

    /**
     * Opens the state for writing in the database {@code database} says, with at most {@code connections} connections:
     * the embedded one (this process becomes its only writer) or a shared PostgreSQL database.
     */
    public StateStore(Path stateDir, DatabaseSettings database, int connections, ZoneId zone, Duration lease, Clock clock) {
        this(stateDir, database, connections, zone, lease, clock, true);
    }

    private StateStore(Path stateDir, DatabaseSettings database, int connections, ZoneId zone, Duration lease, Clock clock,
                       boolean writer) {
        this.db = new Database(stateDir, database, connections, zone, lease, clock, writer);
        this.writer = writer;
        this.claims = new ArticleClaims(db);
        this.intel = new IntelLedger(db);
        this.taxii = new IntelQueries(db);
        this.revisions = new DigestRevisions(db, intel);
        this.outbox = new DeliveryOutbox(db, revisions);
        this.feeds = new FeedStatuses(db);
        this.instances = new Instances(db);
        this.cveSources = new CveSourceCache(db);
        this.tickets = new TicketLedger(db);
        this.keys = new ProductKeys(db);
        this.stories = new StoryLedger(db);
        if (writer && !db.shared()) {
            // only this process writes: a claim of anyone else's is a dead run's
            claims.releaseOrphanedClaims();
            db.releaseLeasesOfOthers("delivery");
            db.releaseLeasesOfOthers("publish_lease");
        }
        if (writer) {
            PrivateFolder.restrict(stateDir);
        }
        if (writer && db.shared()) {
            instances.join();
        }
    }

    /**
     * Opens the state for reading when no process writes it (the writer answers {@code status} itself, through
     * {@link dev.newsdigest.observe.StatusChannel}); {@link StateInUseException} when one does. Nothing is changed.
     */
    public static StateStore openForReading(Path stateDir, ZoneId zone, Clock clock) {
        return openForReading(stateDir, DatabaseSettings.EMBEDDED, zone, clock);
    }

    /** {@link #openForReading(Path, ZoneId, Clock)} in the database {@code database} says. */
    public static StateStore openForReading(Path stateDir, DatabaseSettings database, ZoneId zone, Clock clock) {
        return new StateStore(stateDir, database, 2, zone, Duration.ZERO, clock, false);
    }

    /** The instances sharing the database; empty for the embedded database, which one process writes. */
    public List<Instances.Instance> instances() { return db.shared() ? instances.list() : List.of(); }

    public List<Article> record(List<Article> articles) { return claims.record(articles); }
    public List<Article> pending(String feedId) { return claims.pending(feedId); }
    public Article claim(Article article) { return claims.claim(article); }
    public boolean complete(Article claimed, String kind, String itemJson) { return claims.complete(claimed, kind, itemJson); }
    public void release(Article claimed) { claims.release(claimed); }
    public int releaseOwnClaims() { return claims.releaseOwnClaims(); }

    public List<LocalDate> unpublishedDays(LocalDate before) { return revisions.unpublishedDays(before); }
    public List<StoredItem> doneItems(LocalDate day) { return revisions.doneItems(day); }
    public int lastRevision(LocalDate day) { return revisions.lastRevision(day); }
    public boolean leaseDay(LocalDate day) { return revisions.leaseDay(day); }
    public void releaseDay(LocalDate day) { revisions.releaseDay(day); }
    public int doneCount(LocalDate day) { return revisions.doneCount(day); }
    public PublishedRevision lastPublished() { return revisions.lastPublished(); }
    /** The latest published revision of each day, newest day first, at most {@code max} days. */
    public List<DayDigest> latestPerDay(int max) { return revisions.latestPerDay(max); }
    /** A revision that publishes nothing for threat-intelligence platforms. */
    public boolean markPublished(LocalDate day, int revision, List<String> keys, String json, String markdown, List<String> channels) {
        return markPublished(day, revision, keys, json, markdown, channels, dev.newsdigest.model.Intel.NONE, objects -> null);
    }

    public boolean markPublished(LocalDate day, int revision, List<String> keys, String json, String markdown, List<String> channels,
                                 dev.newsdigest.model.Intel published, java.util.function.Function<List<com.fasterxml.jackson.databind.JsonNode>, String> bundle) {
        return revisions.markPublished(day, revision, keys, json, markdown, channels, published, bundle);
    }

    public List<PendingDelivery> pendingDeliveries() { return outbox.pendingDeliveries(); }
    public List<PendingDelivery> claimPendingDeliveries() { return outbox.claimPending(); }
    public void deliverySucceeded(PendingDelivery d) { outbox.deliverySucceeded(d); }
    public void deliveryFailed(PendingDelivery d, String reason, boolean permanent) { outbox.deliveryFailed(d, reason, permanent); }
    public List<String> scheduleResend(LocalDate day, List<String> channels) { return outbox.scheduleResend(day, channels); }
    public List<DeliveryState> deliveries(LocalDate day) { return outbox.deliveries(day); }
    public Map<String, ChannelState> channelStates() { return outbox.channelStates(); }

    public void feedSucceeded(String feedId) { feeds.feedSucceeded(feedId); }
    public void feedFailed(String feedId, String reason) { feeds.feedFailed(feedId, reason); }
    public String[] feedValidators(String feedId) { return feeds.feedValidators(feedId); }
    public void rememberValidators(String feedId, String etag, String lastModified) { feeds.rememberValidators(feedId, etag, lastModified); }
    public void recordNewItems(String feedId, int count) { feeds.recordNewItems(feedId, count); }
    public Map<String, FeedStatus> feedStatuses() { return feeds.feedStatuses(); }
    /** What the CVE sources last answered, with their validators. */
    public CveSourceCache cveSources() { return cveSources; }
    /** The ticket of each story the ticket channel has opened. */
    public TicketLedger tickets() { return tickets; }

    public ProductKeys keys() { return keys; }
    /** The stories published so far, for follow-ups on later days. */
    public StoryLedger stories() { return stories; }

    public IntelLedger intel() { return intel; }
    /** The TAXII collection's pages, read from what {@link #intel()} stored. */
    public IntelQueries taxii() { return taxii; }

    public LocalDate today() {
        return db.today();
    }

    /**
     * The model limits for the whole fleet when the database is shared (PostgreSQL); empty for the embedded database,
     * whose one writer keeps its limits in memory. {@code slotLease}: how long a slot a killed instance held stays taken.
     */
    public java.util.Optional<FleetLimits> fleetLimits(int maxConcurrent, int requestsPerMinute, Duration slotLease) {
        return db.shared() ? java.util.Optional.of(new FleetLimits(db, maxConcurrent, requestsPerMinute, slotLease))
                : java.util.Optional.empty();
    }

    <T> T run(Database.SqlWork<T> work) {
        return db.run(work);
    }

    <T> T inTransaction(Database.SqlWork<T> work) {
        return db.inTransaction(work);
    }

    @Override
    public void close() {
        if (writer) {
            try {
                int released = claims.releaseOwnClaims();
                if (released > 0) {
                    LOG.info("Released {} unfinished claim(s); the next run takes them again", released);
                }
            } catch (StateStoreException e) {
                // the claims stay, and the next start releases them (it holds the writer lock)
                LOG.info("Unfinished claims not released at shutdown ({}); the next start releases them", e.getMessage());
            }
        }
        if (db.shared()) {
            instances.close();
        }
        db.close();
    }

    /** A done item as stored: its JSON, kind and whether an earlier revision already carried it. */
    public record StoredItem(String key, String feedId, String kind, String json, boolean published) {
    }

    /** A delivery to do: which digest, on which channel, with which idempotency key, and the digest's payload. */
    public record PendingDelivery(String idempotencyKey, String channel, LocalDate day, int revision, boolean resend,
                                  int attempts, String json, String markdown, String stix) {
        /** The digest JSON as the file and the webhook carry it. */
        public byte[] jsonBytes() {
            return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The route that delivers it, {@code direct:deliver-<route>}: its channel's, one for every chat channel ({@code chat-<name>}). */
        public String route() {
            return channel.startsWith("chat-") ? "chat" : channel;
        }
    }

    /** A delivery as recorded. */
    public record DeliveryState(String idempotencyKey, String channel, String status, int attempts, String lastError,
                                boolean permanent) {
    }

    /** A feed's polling record. */
    public record FeedStatus(String feedId, boolean ok, String error, int consecutiveFailures, Instant lastSuccess,
                             Instant lastPoll, Integer newItems) {
    }

    /** A published revision. */
    public record PublishedRevision(LocalDate day, int revision, Instant publishedAt) {
    }

    /** A day's latest published revision, with its payload; {@code firstPublished}: when the day's revision 1 was. */
    public record DayDigest(LocalDate day, int revision, Instant firstPublished, Instant published, String json, String markdown) {
    }

    /** A delivery channel's record: its last success, its pending deliveries, those that failed, the latest error. */
    public record ChannelState(String channel, Instant lastSuccess, int pending, int failing, String lastError) {
        ChannelState(String channel, Instant lastSuccess, int pending, int failing) {
            this(channel, lastSuccess, pending, failing, null);
        }

        ChannelState withLastError(String error) {
            return new ChannelState(channel, lastSuccess, pending, failing, error);
        }
    }

    /** Another process holds the state: only one writer is allowed. */
    public static class StateInUseException extends StateUnusableException {
        public StateInUseException(String message) {
            super(message);
        }
    }

    /** The state cannot be opened: its folder cannot be created or written, or another process holds it. */
    public static class StateUnusableException extends RuntimeException {
        public StateUnusableException(String message) {
            super(message);
        }
    }

    /** The state store cannot be read or written. */
    public static class StateStoreException extends RuntimeException {
        public StateStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
