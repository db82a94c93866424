package dev.newsdigest.publish;

import dev.newsdigest.model.DigestItem;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.model.Article;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.summarize.Items;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An article's bookkeeping: the claim that de-duplicates it, the finished item stored in its day's aggregation
 * (from then on the article counts as done), and the progress of the current poll ({@code summarised 12/40 (2 fallback)}).
 */
public class Collector {
    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

    /** Newest first; undated entries last, in the order the state keeps them (first seen). */
    private static final java.util.Comparator<Article> NEWEST_FIRST =
            java.util.Comparator.comparing(Article::publishedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()));

    private final StateStore store;
    private final DigestMetrics metrics;
    private final int maxNewPerPoll;
    /** Made on first use: a run with nothing to do never loads Jackson. */
    private final com.google.common.base.Supplier<ObjectMapper> json = com.google.common.base.Suppliers.memoize(() -> new ObjectMapper());
    private volatile Poll poll = new Poll();

    /** {@code maxNewPerPoll}: the most waiting articles of one feed a poll takes on ({@code digest.feed.max-new-per-poll}). */
    public Collector(StateStore store, DigestMetrics metrics, int maxNewPerPoll) {
        this.store = store;
        this.metrics = metrics;
        this.maxNewPerPoll = maxNewPerPoll;
    }

    /** The counts of one poll: articles taken on, finished, fallen back, and new articles per feed. */
    private static final class Poll {
        final long startedAt = System.nanoTime();
        final AtomicInteger news = new AtomicInteger();
        final AtomicInteger incidents = new AtomicInteger();
        final AtomicInteger summarised = new AtomicInteger();
        final AtomicInteger fallbacks = new AtomicInteger();
        final Map<String, AtomicInteger> newPerFeed = new ConcurrentHashMap<>();
        final java.util.Set<String> taken = ConcurrentHashMap.newKeySet();
        /** Articles of each feed handed on by {@link #pending} in this poll, against {@code maxNewPerPoll}. */
        final Map<String, AtomicInteger> handedOn = new ConcurrentHashMap<>();
    }

    public void startPoll() {
        poll = new Poll();
    }

    /**
     * Stores the entries of one feed answer before anything else happens to them: from here on they are processed
     * from the state ({@link #pending}), whatever becomes of this run. Entries already known count as duplicates, except
     * those still waiting there (left for a later poll by {@code digest.feed.max-new-per-poll}, or given back): they are
     * not processed yet, and a later poll takes them.
     */
    public List<Article> record(List<Article> articles) {
        List<Article> recorded = store.record(articles);
        Poll p = poll;
        java.util.Set<String> waiting = new java.util.HashSet<>();
        if (recorded.size() < articles.size()) {
            articles.stream().map(Article::feedId).distinct()
                    .forEach(feed -> store.pending(feed).forEach(a -> waiting.add(a.key())));
        }
        for (Article article : articles) {
            if (!recorded.contains(article) && !waiting.contains(article.key())) {
                metrics.duplicate(article.feedId());
            }
        }
        recorded.forEach(a -> p.newPerFeed.computeIfAbsent(a.feedId(), f -> new AtomicInteger()).incrementAndGet());
        return recorded;
    }

    /**
     * The articles of {@code feedId} waiting in the state (recorded, released, or left by a killed run), not yet taken on
     * by this poll: of each feed at most {@code maxNewPerPoll} a poll, newest first. The others stay waiting for the next
     * poll, and one line says how many. Null: those of every feed, the poll's last sweep.
     */
    public List<Article> pending(String feedId) {
        Poll p = poll;
        Map<String, List<Article>> byFeed = store.pending(feedId).stream().filter(a -> !p.taken.contains(a.key()))
                .collect(java.util.stream.Collectors.groupingBy(Article::feedId, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        List<Article> handedOn = new java.util.ArrayList<>();
        byFeed.forEach((feed, waiting) -> {
            AtomicInteger count = p.handedOn.computeIfAbsent(feed, f -> new AtomicInteger());
            int before = count.getAndAccumulate(waiting.size(), (already, more) -> Math.min(maxNewPerPoll, already + more));
            int room = Math.max(0, Math.min(maxNewPerPoll, before + waiting.size()) - before);
            if (room < waiting.size() && room > 0) {
                LOG.info("{}: {} has {} new entries waiting, taking the newest {} (digest.feed.max-new-per-poll), {} left for the next poll",
                        feedId == null ? "poll-feeds" : "fetch-feed", feed, waiting.size(), room, waiting.size() - room);
            }
            handedOn.addAll(waiting.stream().sorted(NEWEST_FIRST).limit(room).toList());
        });
        return handedOn;
    }

    /** Claims an article: the claimed article (with its day and fence), or null when another claim holds it or it is done. */
    public Article claim(Article article) {
        Poll p = poll;
        p.taken.add(article.key());
        Article claimed = store.claim(article);
        if (claimed == null) {
            return null;
        }
        (claimed.isIncident() ? p.incidents : p.news).incrementAndGet();
        return claimed;
    }

    public void news(Article claimed, DigestItem item) {
        if (!store.complete(claimed, DigestPublisher.NEWS, write(item))) {
            return; // the claim was lost: another run finishes (and counts) it
        }
        metrics.summarised(item.summarizedBy().startsWith("model:") ? "model" : item.summarizedBy());
        Poll p = poll;
        int done = p.summarised.incrementAndGet();
        int fallbacks = item.summarizedBy().equals("offline-fallback") ? p.fallbacks.incrementAndGet() : p.fallbacks.get();
        LOG.info("collect-item: {} for {} ({}); summarised {}/{} ({} fallback)", claimed.url(), claimed.day(),
                item.summarizedBy(), done, p.news.get(), fallbacks);
    }

    public void incident(Article claimed) {
        if (!store.complete(claimed, DigestPublisher.INCIDENT, write(Items.incident(claimed)))) {
            return;
        }
        LOG.info("collect-item: incident {} for {}", claimed.url(), claimed.day());
    }

    /** Records each feed's new items and logs the poll's totals. */
    public void endPoll(List<FeedConfig> feeds) {
        Poll p = poll;
        for (FeedConfig feed : feeds) {
            AtomicInteger n = p.newPerFeed.get(feed.id());
            store.recordNewItems(feed.id(), n == null ? 0 : n.get());
        }
        int unfinished = p.news.get() - p.summarised.get();
        LOG.info("poll-feeds: done in {} s: summarised {}/{} ({} fallback), {} incident(s){}",
                String.format("%.1f", (System.nanoTime() - p.startedAt) / 1e9), p.summarised.get(), p.news.get(),
                p.fallbacks.get(), p.incidents.get(), unfinished > 0 ? ", " + unfinished + " released for the next poll" : "");
    }

    private String write(Object item) {
        try {
            return json.get().writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
