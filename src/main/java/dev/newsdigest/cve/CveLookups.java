package dev.newsdigest.cve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When CVE ids are looked up: as soon as an item is collected ({@link #collected}, one item after another on one
 * background thread), and at a digest's close for what is still missing ({@link #lookUp(Digest, CveFetcher.Pass)}).
 * The close first waits for the lookups under way, but never past its pass ({@code digest.cve.max-wait}), so that it
 * waits only for what is still missing. Either way a lookup is NVD's sync when one is due, then what is due per id.
 * <p>
 * At most {@link CveSources#MAX_IDS} ids wait at once: a feed of articles naming thousands of ids cannot queue hours of
 * NVD's throttle; the ids left out are the close's, which has the same cap.
 */
public class CveLookups {
    private static final Logger LOG = LoggerFactory.getLogger(CveLookups.class);

    private final CveSources sources;
    private final CveFetcher fetcher;
    private final NvdSync sync;
    private final CveSettings settings;
    private final ExecutorService worker;
    /** The ids queued or being looked up in the background, and how many lookups are (guarded by this). */
    private final Set<String> waiting = new LinkedHashSet<>();
    private int pending;
    /** The background lookups' pass: a source found down is skipped until it ends, then asked again. */
    private CveFetcher.Pass prefetch;

    /** {@code worker}: one thread, the context's, so that it stops with the context. */
    public CveLookups(CveSources sources, CveFetcher fetcher, NvdSync sync, CveSettings settings, ExecutorService worker) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.sync = sync;
        this.settings = settings;
        this.worker = worker;
    }

    /** For the claim-article route: the collected item's CVE ids are looked up in the background. */
    public void collected(DigestItem item) {
        if (!settings.enabled() || item == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        synchronized (this) {
            for (String id : CveSources.idsOf(item)) {
                if (waiting.size() < CveSources.MAX_IDS && waiting.add(id)) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            pending++;
        }
        try {
            worker.execute(() -> prefetch(ids));
        } catch (RejectedExecutionException e) { // the context is stopping: the close (of a later run) asks for them
            done(ids);
        }
    }

    private void prefetch(List<String> ids) {
        try {
            lookUp(ids, prefetchPass());
        } catch (RuntimeException e) {
            LOG.warn("cve-context: lookup of {} as its item was collected failed, left to the close: {}", ids, e.toString());
        } finally {
            done(ids);
        }
    }

    private synchronized void done(List<String> ids) {
        waiting.removeAll(ids);
        pending--;
        notifyAll();
    }

    private synchronized CveFetcher.Pass prefetchPass() {
        if (prefetch == null || prefetch.over()) {
            prefetch = fetcher.newPass();
        }
        return prefetch;
    }

    /**
     * For the cve-context route: waits for the lookups under way (within {@code pass}), then looks up what the digest's
     * ids still lack, skipping the sources the background lookups found down a moment ago.
     */
    public Digest lookUp(Digest digest, CveFetcher.Pass pass) {
        List<String> ids = sources.ids(digest);
        if (ids.isEmpty()) {
            return digest;
        }
        settle(pass);
        CveFetcher.Pass earlier;
        synchronized (this) {
            earlier = prefetch;
        }
        lookUp(ids, pass.after(earlier));
        return digest;
    }

    /** NVD's sync if due, then round 0 (every source) and round 1 (CVE records where NVD has no score) for {@code ids}. */
    private void lookUp(List<String> ids, CveFetcher.Pass pass) {
        sync.syncIfDue(pass);
        for (int round = 0; round < 2; round++) {
            for (CveRequest request : sources.due(ids, round)) {
                fetcher.fetch(request, pass);
            }
        }
    }

    /** Waits until no lookup is queued or under way, or the pass ends. */
    private synchronized void settle(CveFetcher.Pass pass) {
        long waited = System.currentTimeMillis();
        while (pending > 0 && !pass.over()) {
            try {
                wait(Math.max(1, pass.until() - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (pending > 0) {
            LOG.warn("cve-context: {} lookup(s) of collected items still under way at digest.cve.max-wait; published with what is stored", pending);
        } else if (System.currentTimeMillis() - waited > 1000) {
            LOG.info("cve-context: waited {} ms for the lookups of collected items", System.currentTimeMillis() - waited);
        }
    }
}
