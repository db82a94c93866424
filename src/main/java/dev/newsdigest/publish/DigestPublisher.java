package dev.newsdigest.publish;

import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.intel.IntelExport;
import dev.newsdigest.cve.Watchlist;
import dev.newsdigest.story.FollowUps;
import dev.newsdigest.story.Stories;
import dev.newsdigest.state.StoryLedger;
import dev.newsdigest.config.Settings;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.TokenLedger;
import dev.newsdigest.model.Overview;
import dev.newsdigest.summarize.ModelText;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes days: finds days with unpublished items, assembles a day's complete digest as its next revision, and
 * records the revision once its files are written.
 */
public class DigestPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DigestPublisher.class);
    public static final String NEWS = "news";
    public static final String INCIDENT = "incident";

    private final StateStore store;
    private final Settings settings;
    private final Clock clock;
    private final TokenLedger ledger;
    private final Watchlist watchlist;
    private final FollowUps followUps = new FollowUps();
    private final IntelExport intel;
    /** Made on first use: a run with nothing to do never loads Jackson. */
    private final com.google.common.base.Supplier<ObjectMapper> json = com.google.common.base.Suppliers.memoize(() -> new ObjectMapper());

    public DigestPublisher(StateStore store, TokenLedger ledger, Settings settings, Watchlist watchlist, Clock clock) {
        this.store = store;
        this.watchlist = watchlist;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
        this.intel = new IntelExport(settings.intel());
    }

    /** Days with unpublished items: through today for {@code --once}, before today for the morning close. */
    public List<LocalDate> daysToPublish(boolean throughToday) {
        return store.unpublishedDays(throughToday ? null : store.today());
    }

    /** Every day with unpublished items, today included: what {@code --once} publishes. */
    public List<LocalDate> allPendingDays() {
        return store.unpublishedDays(null);
    }

    /**
     * The complete digest of {@code day} as its next revision, without its 課題 and overview; null if nothing is new, or if another
     * instance holds the day's lease (it publishes the day). The lease is given back once the revision is recorded.
     */
    public Digest prepare(LocalDate day) {
        if (!store.leaseDay(day)) {
            LOG.info("publish-day: another instance is publishing {}; it is left to it", day);
            return null;
        }
        List<StateStore.StoredItem> stored = store.doneItems(day);
        if (stored.stream().allMatch(StateStore.StoredItem::published)) {
            store.releaseDay(day);
            return null;
        }
        List<DigestItem> items = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        for (StateStore.StoredItem s : stored) {
            try {
                if (INCIDENT.equals(s.kind())) {
                    incidents.add(json.get().readValue(s.json(), Incident.class));
                } else {
                    items.add(json.get().readValue(s.json(), DigestItem.class));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("stored item " + s.key() + " cannot be read", e);
            }
        }
        // one item per story: articles that tell the same event (a shared CVE, the same victim and event...) become one,
        // led by the most trusted feed's article; a story this day already published keeps its key (and so its ticket)
        java.util.function.ToIntFunction<String> trust = Stories.trust(settings.feeds());
        Set<String> published = new HashSet<>();
        store.stories().recent(day, day.plusDays(1)).forEach(story -> published.add(story.key()));
        items = new ArrayList<>(Stories.group(items, "publish-day: " + day).stream().map(story -> Stories.merge(story, trust, published)).toList());
        Comparator<String> newestFirst = Comparator.nullsLast(Comparator.<String>reverseOrder());
        // newest first for now: once the CVE context is known, inImportanceOrder puts the most important first
        items.sort(Comparator.comparing(DigestItem::publishedAt, newestFirst));
        incidents.sort(Comparator.comparing(Incident::publishedAt, newestFirst));
        incidents = new ArrayList<>(Stories.linkIncidents(items, incidents)); // a breach told both as news and as an incident
        int revision = store.lastRevision(day) + 1;
        String generatedAt = OffsetDateTime.now(clock.withZone(settings.timezone())).truncatedTo(ChronoUnit.SECONDS).toString();
        return new Digest(day.toString(), revision, generatedAt, settings.language(),
                settings.tlp() == null ? null : settings.tlp().label(), "", List.of(), items, incidents,
                feedStates(stored), List.of(), usage(day, items, null));
    }

    /**
     * The digest with each item that follows up a story published on an earlier day (within {@code digest.stories.window})
     * marked 続報, under the story's key, with what is new since. Run once the items have their CVE context (KEV is compared).
     */
    public Digest withFollowUps(Digest digest) {
        LocalDate day = LocalDate.parse(digest.date());
        List<StoryLedger.StoredStory> earlier = store.stories().recent(day.minusDays(Math.max(1, settings.storiesWindow().toDays())), day);
        return earlier.isEmpty() ? digest : digest.withCveContext(followUps.apply(digest.items(), earlier, day), digest.cveSourceStates());
    }

    /**
     * The digest with its items most important first ({@link ActionOrder}: ours, in KEV, action required, EPSS and CVSS,
     * told by several sources, then the newest), the order 課題 has too. Run once the items have their CVE context.
     */
    public Digest inImportanceOrder(Digest digest) {
        return digest.withItems(ActionOrder.sorted(digest.items(), watchlist));
    }

    /**
     * The digest with its 課題: the items that concern the watchlist or need action, in {@link ActionOrder}'s order. Run
     * once the items have their CVE context, which the order reads.
     */
    public Digest withActions(Digest digest) {
        return digest.withActions(ActionOrder.of(digest.items(), watchlist));
    }

    /** The digest with its overview, and the overview's model call (if one was made) counted in the day's usage. */
    public Digest withOverview(Digest digest, Overview overview) {
        String text = ModelText.clean(overview.text(), 1200);
        return digest.withOverview(text, usage(LocalDate.parse(digest.date()), digest.items(), overview.call()));
    }

    /**
     * Records the revision as published: its payload is stored, its items count as published, and one delivery per
     * enabled channel is queued.
     */
    public void markPublished(Digest digest, byte[] json, String markdown) {
        LocalDate day = LocalDate.parse(digest.date());
        Set<String> urls = new HashSet<>();
        digest.items().forEach(i -> urls.add(i.url()));
        digest.items().forEach(i -> i.sourceList().forEach(source -> urls.add(source.url()))); // every article of a story
        digest.incidents().forEach(i -> urls.add(i.url()));
        List<String> keys = store.doneItems(day).stream()
                .filter(s -> !s.published() && urls.contains(urlOf(s)))
                .map(StateStore.StoredItem::key).toList();
        boolean recorded;
        try {
            recorded = store.markPublished(day, digest.revision(), keys, new String(json, java.nio.charset.StandardCharsets.UTF_8),
                    markdown, settings.deliveryIds(), intel.of(digest),
                    objects -> intel.bundle(digest, objects));
        } finally {
            store.releaseDay(day);
        }
        if (!recorded) {
            LOG.info("publish-day: {} revision {} was published by another instance first; nothing more to do", digest.date(),
                    digest.revision());
            return;
        }
        digest.items().forEach(i -> store.stories().published(i.storyKeyOrUrl(), day, followUps.snapshot(i)));
        LOG.info("publish-day: published {} revision {} ({} news, {} incidents), delivering to {}", digest.date(),
                digest.revision(), digest.items().size(), digest.incidents().size(), settings.deliveryIds());
    }

    private String urlOf(StateStore.StoredItem s) {
        try {
            return json.get().readTree(s.json()).path("url").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private List<Digest.FeedState> feedStates(List<StateStore.StoredItem> stored) {
        Map<String, StateStore.FeedStatus> statuses = store.feedStatuses();
        List<Digest.FeedState> states = new ArrayList<>();
        for (FeedConfig feed : settings.feeds()) {
            int count = (int) stored.stream().filter(s -> s.feedId().equals(feed.id())).count();
            StateStore.FeedStatus status = statuses.get(feed.id());
            states.add(status == null
                    ? new Digest.FeedState(feed.id(), false, count, "not polled yet", 0)
                    : new Digest.FeedState(feed.id(), status.ok(), count, status.ok() ? null : status.error(),
                            status.consecutiveFailures()));
        }
        return states;
    }

    /** The day's usage: the items' model calls and tokens, the overview call (null: none), and whether the day's budget stopped a call. */
    private Digest.Usage usage(LocalDate day, List<DigestItem> items, DigestItem.Usage overview) {
        // an answer taken from the model-answer cache carries no tokens: it was no call
        int calls = (int) items.stream().filter(i -> i.summarizedBy().startsWith("model:"))
                .filter(i -> i.usage().inputTokens() + i.usage().outputTokens() > 0).count() + (overview == null ? 0 : 1);
        long in = items.stream().mapToLong(i -> i.usage().inputTokens()).sum()
                + (overview == null ? 0 : overview.inputTokens());
        long out = items.stream().mapToLong(i -> i.usage().outputTokens()).sum()
                + (overview == null ? 0 : overview.outputTokens());
        return new Digest.Usage(calls, in, out, ledger.usage(day).budgetReached());
    }
}
