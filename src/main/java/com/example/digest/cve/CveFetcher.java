package com.example.digest.cve;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.example.digest.config.CveSettings;
import com.example.digest.fetch.FetchException;
import com.example.digest.fetch.HttpFetcher;

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
    private final CveSettings settings;
    /** When each of the last requests that reached NVD was sent (epoch millis), oldest first. */
    private final Deque<Long> nvdSent = new ArrayDeque<>();

    public CveFetcher(CveSources sources, HttpFetcher http, CveSettings settings) {
        this.sources = sources;
        this.http = http;
        this.settings = settings;
    }

    /** One digest's lookups: until when they may run, and which sources could not be reached. */
    public static final class Pass {
        private final long until;
        private final Map<String, String> down = new ConcurrentHashMap<>();

        Pass(long until) {
            this.until = until;
        }

        public Set<String> down() {
            return down.keySet();
        }
    }

    /** A new pass, for the {@code cve-context} route: {@code digest.cve.max-wait} from now. */
    public Pass newPass() {
        return new Pass(System.currentTimeMillis() + settings.maxWait().toMillis());
    }

    /** Makes one request of the pass and hands its answer, or why there is none, to {@link CveSources}. */
    public void fetch(CveRequest request, Pass pass) {
        String name = CveSources.name(request.source());
        if (pass.down.containsKey(request.source())) {
            sources.skipped(request, sources.messages().format("cve.error.skipped", name) + ": " + pass.down.get(request.source()));
            return;
        }
        boolean nvd = request.source().equals(CveSources.NVD);
        if (nvd && !throttle(pass.until)) {
            sources.failed(request, sources.messages().get("cve.error.maxWait"));
            return;
        }
        if (System.currentTimeMillis() >= pass.until) {
            sources.failed(request, sources.messages().get("cve.error.maxWait"));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", request.accept());
        if (request.etag() != null) {
            headers.put("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            headers.put("If-Modified-Since", request.lastModified());
        }
        if (request.source().equals(CveSources.NVD)) {
            settings.nvdApiKey().ifPresent(key -> headers.put("apiKey", key));
        }
        try {
            HttpFetcher.Response r = http.get(URI.create(request.url()), headers, pass.until, type -> true, HttpFetcher.Hops.NONE);
            if (r.truncated()) {
                sources.failed(request, "answer larger than digest.cve.max-bytes (" + settings.maxBytes() + " bytes)");
                return;
            }
            sources.received(request, r.status(), r.etag(), r.lastModified(), r.body());
        } catch (FetchException e) {
            if (nvd) {
                unsent();
            }
            if ((e.hostUnresponsive() || e.getMessage().startsWith("unknown host")) && pass.down.putIfAbsent(request.source(), e.getMessage()) == null) {
                sources.failed(request, e.getMessage() + "; " + name + " is not asked again in this run");
                return;
            }
            sources.failed(request, e.getMessage());
        }
    }

    /**
     * Waits until one more NVD request fits in the window, and counts it; false when that would be past {@code until}.
     * Only requests that reached NVD stay counted ({@link #unsent} takes back one that did not).
     */
    private synchronized boolean throttle(long until) {
        int max = settings.nvdRequests();
        long window = settings.nvdWindow().toMillis();
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
