package dev.newsdigest.cve;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.fetch.FetchException;
import dev.newsdigest.fetch.HttpFetcher;

/**
 * The CVE sources' requests, through the one guarded client (each answer within {@code digest.cve.max-bytes}, each
 * exchange within {@code digest.cve.timeout}, the whole pass within {@code digest.cve.max-wait}). A {@link Pass} is one
 * digest's lookups: a source that fails at the connection level (no DNS, refused, TLS, no answer in time) is not asked
 * again in that pass, and NVD's throttle ({@code digest.cve.nvd.max-requests} per {@code digest.cve.nvd.window}) counts
 * only requests that reached NVD, so that a dead network costs one timeout per source, not a throttled wait per id.
 */
public class CveFetcher {
    private final CveSources sources;
    private final HttpFetcher http;
    private final HttpFetcher syncHttp;
    private final CveSettings settings;
    /** When each of the last requests that reached NVD was sent (epoch millis), oldest first. */
    private final Deque<Long> nvdSent = new ArrayDeque<>();

    /** {@code http} for the requests per id or catalog, {@code syncHttp} for the pages of NVD's sync (their own limits). */
    public CveFetcher(CveSources sources, HttpFetcher http, HttpFetcher syncHttp, CveSettings settings) {
        this.sources = sources;
        this.http = http;
        this.syncHttp = syncHttp;
        this.settings = settings;
    }

    /**
     * One digest's lookups (or the background lookups' of a while): until when they may run, which sources could not be
     * reached, and which requests failed, so that none is made twice in a pass.
     */
    public static final class Pass {
        private final long until;
        private final Map<String, String> down = new ConcurrentHashMap<>();
        private final Set<String> failed = ConcurrentHashMap.newKeySet();

        Pass(long until) {
            this.until = until;
        }

        public Set<String> down() {
            return down.keySet();
        }

        public boolean over() {
            return System.currentTimeMillis() >= until;
        }

        public long until() {
            return until;
        }

        /** Records that {@code key} of {@code source} failed in this pass; false when it had already. */
        boolean fails(String source, String key) {
            return failed.add(source + " " + key);
        }

        boolean failedBefore(String source, String key) {
            return failed.contains(source + " " + key);
        }

        /** This pass also skips the sources {@code earlier} found down, if it has not ended: they were down a moment ago. */
        Pass after(Pass earlier) {
            if (earlier != null && !earlier.over()) {
                down.putAll(earlier.down);
                failed.addAll(earlier.failed);
            }
            return this;
        }
    }

    /** A new pass, for the {@code cve-context} route: {@code digest.cve.max-wait} from now. */
    public Pass newPass() {
        return new Pass(System.currentTimeMillis() + settings.maxWait().toMillis());
    }

    /**
     * One page of NVD's sync, through the sync's own client ({@code digest.cve.nvd.sync.timeout} and {@code .max-bytes})
     * and NVD's throttle like any NVD request. Throws {@link FetchException} with the reason; a failure at the connection
     * level also marks NVD as down for the pass, so that its ids are not asked one by one either.
     */
    HttpFetcher.Response nvdPage(URI uri, Pass pass) {
        String down = pass.down.get(CveSources.NVD);
        if (down != null) {
            throw new FetchException(down);
        }
        if (pass.over() || !throttle(pass.until)) {
            throw new FetchException(sources.messages().get("cve.error.maxWait"));
        }
        HttpFetcher.Response r;
        try {
            r = syncHttp.get(uri, nvdHeaders("application/json"), pass.until, type -> true, HttpFetcher.Hops.NONE);
        } catch (FetchException e) {
            unsent();
            unreachable(CveSources.NVD, e, pass);
            throw e;
        }
        if (r.truncated()) {
            throw new FetchException("answer larger than " + syncHttp.limits().maxBytesKey() + " (" + syncHttp.limits().maxBytes() + " bytes)");
        }
        return r;
    }

    private Map<String, String> nvdHeaders(String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        settings.nvdApiKey().ifPresent(key -> headers.put("apiKey", key));
        return headers;
    }

    /** Whether {@code e} says the source cannot be reached; if so, and it is the pass's first such failure, it is recorded. */
    private static boolean unreachable(String source, FetchException e, Pass pass) {
        return (e.hostUnresponsive() || e.getMessage().startsWith("unknown host")) && pass.down.putIfAbsent(source, e.getMessage()) == null;
    }

    /** Makes one request of the pass and hands its answer, or why there is none, to {@link CveSources}. */
    public void fetch(CveRequest request, Pass pass) {
        String name = sources.name(request.source());
        if (pass.down.containsKey(request.source())) {
            sources.skipped(request, sources.messages().format("cve.error.skipped", name) + ": " + pass.down.get(request.source()));
            return;
        }
        if (request.keys().stream().allMatch(k -> pass.failedBefore(request.source(), k))) {
            return; // failed in this pass already: its stored error stands
        }
        boolean nvd = request.source().equals(CveSources.NVD);
        if (pass.over() || nvd && !throttle(pass.until)) { // over first: a slot is counted only for a request that is sent
            sources.failed(request, sources.messages().get("cve.error.maxWait"));
            return;
        }
        Map<String, String> headers = nvd ? nvdHeaders(request.accept()) : new LinkedHashMap<>(Map.of("Accept", request.accept()));
        if (request.etag() != null) {
            headers.put("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            headers.put("If-Modified-Since", request.lastModified());
        }
        try {
            HttpFetcher.Response r = http.get(URI.create(request.url()), headers, pass.until, type -> true, HttpFetcher.Hops.NONE);
            if (r.truncated()) {
                sources.failed(request, "answer larger than digest.cve.max-bytes (" + settings.maxBytes() + " bytes)");
            } else if (sources.received(request, r.status(), r.etag(), r.lastModified(), r.body())) {
                return;
            }
        } catch (FetchException e) {
            if (nvd) {
                unsent();
            }
            sources.failed(request, unreachable(request.source(), e, pass) ? e.getMessage() + "; " + name + " is not asked again in this run"
                    : e.getMessage());
        }
        request.keys().forEach(k -> pass.fails(request.source(), k));
    }

    /**
     * Waits until one more NVD request fits in the window, and counts it; false when that would be past {@code until}.
     * Only requests that reached NVD stay counted ({@link #unsent} takes back one that did not).
     */
    private synchronized boolean throttle(long until) {
        int max = settings.nvdRequests();
        // a twentieth more than the window: NVD times a request when it arrives, a moment after it was counted here, and a
        // new connection's request arrives later than a reused one's (seen: a 403 at exactly 5 requests in 30 s)
        long window = settings.nvdWindow().toMillis() * 21 / 20;
        try {
            while (true) {
                long now = System.currentTimeMillis();
                while (!nvdSent.isEmpty() && nvdSent.peekFirst() + window <= now) {
                    nvdSent.pollFirst();
                }
                if (nvdSent.size() < max) {
                    nvdSent.addLast(now);
                    return true;
                }
                long free = nvdSent.peekFirst() + window;
                if (free > until) {
                    return false;
                }
                wait(Math.max(1, free - now));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last request counted did not reach NVD. */
    private synchronized void unsent() {
        nvdSent.pollLast();
        notifyAll();
    }
}
