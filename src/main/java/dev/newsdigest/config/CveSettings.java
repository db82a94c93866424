package dev.newsdigest.config;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code digest.cve.*}: where the context of a CVE id comes from and how fresh it must be. An empty URL turns that
 * source off. The NVD API key comes from the environment only ({@code DIGEST_CVE_NVD_API_KEY}).
 */
public record CveSettings(boolean enabled, Source nvd, Optional<String> nvdApiKey, int nvdRequests, Duration nvdWindow,
                          Source cveRecord, Source kev, Source epss, Source jvn, Duration timeout, int maxBytes,
                          Duration maxWait, Sync nvdSync) {

    /** One source: its URL (null: off) and how long its answer is used before it is asked again. */
    public record Source(String url, Duration maxAge) {
        public boolean on() {
            return url != null;
        }
    }

    /**
     * NVD's incremental sync ({@code digest.cve.nvd.sync.*}): every CVE modified since the last sync, in pages of
     * {@code pageSize}, at most once per {@code every}; the first sync (and the first after a gap longer than NVD's
     * 120-day window) reaches {@code lookback} back. A lookback of 0 turns it off: every id is then asked on its own.
     */
    public record Sync(Duration lookback, Duration every, int pageSize, Duration timeout, int maxBytes) {
        /** NVD's longest window for lastModStartDate/lastModEndDate, and its largest page. */
        public static final Duration MAX_WINDOW = Duration.ofDays(120);
        public static final int MAX_PAGE = 2000;

        public boolean on() {
            return !lookback.isZero();
        }
    }

    /** NVD's published limits: 5 requests in a rolling 30 s without a key, 50 with one. */
    static final int NVD_REQUESTS_WITHOUT_KEY = 5;
    static final int NVD_REQUESTS_WITH_KEY = 50;

    /** The hosts of the configured sources: the operator's choice, so their addresses are not checked (a redirect is). */
    public java.util.Set<String> hosts() {
        java.util.Set<String> hosts = new java.util.HashSet<>();
        for (Source source : java.util.List.of(nvd, cveRecord, kev, epss, jvn)) {
            if (source.on()) {
                String host = java.net.URI.create(source.url()).getHost(); // an absolute http(s) URL: checked when read
                if (host != null) {
                    hosts.add(host);
                }
            }
        }
        return hosts;
    }

    static CveSettings read(SettingsReader r) {
        Optional<String> key = Optional.ofNullable(r.optional("digest.cve.nvd.api-key"));
        String requests = r.text("digest.cve.nvd.max-requests");
        return new CveSettings(r.bool("digest.cve.enabled"), source(r, "nvd"), key,
                requests.isEmpty() ? key.isPresent() ? NVD_REQUESTS_WITH_KEY : NVD_REQUESTS_WITHOUT_KEY : r.positiveInt("digest.cve.nvd.max-requests"),
                r.duration("digest.cve.nvd.window"),
                new Source(r.absoluteHttpUrl("digest.cve.record.url"), r.duration("digest.cve.nvd.max-age")),
                source(r, "kev"), source(r, "epss"), source(r, "jvn"), r.duration("digest.cve.timeout"), r.positiveInt("digest.cve.max-bytes"),
                r.duration("digest.cve.max-wait"), sync(r));
    }

    private static Sync sync(SettingsReader r) {
        Duration lookback = r.duration("digest.cve.nvd.sync.lookback");
        if (lookback.compareTo(Sync.MAX_WINDOW.minusDays(1)) > 0) {
            throw new ConfigException("digest.cve.nvd.sync.lookback", "'" + r.text("digest.cve.nvd.sync.lookback")
                    + "' is longer than NVD's window of 120 days (less a day of overlap); 0s turns the sync off");
        }
        int pageSize = r.positiveInt("digest.cve.nvd.sync.page-size");
        if (pageSize > Sync.MAX_PAGE) {
            throw new ConfigException("digest.cve.nvd.sync.page-size", "'" + pageSize + "' is more than NVD's largest page, " + Sync.MAX_PAGE);
        }
        return new Sync(lookback, r.duration("digest.cve.nvd.sync.every"), pageSize, r.duration("digest.cve.nvd.sync.timeout"),
                r.positiveInt("digest.cve.nvd.sync.max-bytes"));
    }

    private static Source source(SettingsReader r, String name) {
        return new Source(r.absoluteHttpUrl("digest.cve." + name + ".url"), r.duration("digest.cve." + name + ".max-age"));
    }
}
