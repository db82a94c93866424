package dev.newsdigest.cve;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.fetch.FetchException;
import dev.newsdigest.fetch.HttpFetcher;
import dev.newsdigest.state.CveSourceCache;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NVD's incremental sync: every CVE that NVD modified since the last sync, asked in pages
 * ({@code lastModStartDate}/{@code lastModEndDate}, {@code startIndex}) and stored as the answer for its id, so that a
 * news day's ids are mostly known before one of them is asked on its own. When a sync completes, the NVD answers
 * checked since its window began are current too (NVD changed none of them since), and count as checked now.
 * <p>
 * A sync is due when the last one ended more than {@code digest.cve.nvd.sync.every} ago. Its window starts an hour
 * before the last one ended (NVD's clock and ours may differ), or {@code lookback} ago when there was none within NVD's
 * 120-day window. A failed page ends the sync without moving its mark: the ids are then asked one by one, and the next
 * sync tries the same window again.
 */
public class NvdSync {
    private static final Logger LOG = LoggerFactory.getLogger(NvdSync.class);
    /** Where the end of the last complete sync is kept, in the table of answers. */
    static final String SOURCE = "nvd-sync";
    private static final String MARK = "through";
    private static final java.util.regex.Pattern CVE_ID = java.util.regex.Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Duration OVERLAP = Duration.ofHours(1);
    /** NVD's date form: extended ISO-8601 with milliseconds and an offset (sent URL-encoded). */
    private static final DateTimeFormatter NVD_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private final CveFetcher fetcher;
    private final CveSourceCache cache;
    private final CveSettings settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public NvdSync(CveFetcher fetcher, CveSourceCache cache, CveSettings settings, Clock clock) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    /** Syncs if one is due and NVD is on; true when a sync ran to its end. */
    public synchronized boolean syncIfDue(CveFetcher.Pass pass) {
        CveSettings.Sync sync = settings.nvdSync();
        if (!settings.enabled() || !settings.nvd().on() || !sync.on()) {
            return false;
        }
        Instant now = clock.instant();
        Instant through = through();
        if (through != null && through.plus(sync.every()).isAfter(now) || pass.failedBefore(SOURCE, MARK)) {
            return false; // not due, or failed in this pass already
        }
        boolean recent = through != null && through.isAfter(now.minus(CveSettings.Sync.MAX_WINDOW).plus(OVERLAP));
        Instant from = recent ? through.minus(OVERLAP) : now.minus(sync.lookback());
        int stored = 0;
        long total = 0;
        try {
            for (long start = 0; start == 0 || start < total; start += sync.pageSize()) {
                Page page = page(from, now, start, sync.pageSize(), pass);
                total = page.total;
                stored += page.records.size();
                cache.answeredAll(CveSources.NVD, page.records);
                if (page.records.isEmpty()) {
                    break; // NVD counted more than it gave: what it gave is all there is
                }
            }
        } catch (FetchException e) {
            pass.fails(SOURCE, MARK);
            LOG.warn("cve-context: nvd sync of changes since {} stopped after {} record(s): {}; {}", from, stored, e.getMessage(),
                    pass.down().contains(CveSources.NVD) ? "NVD is not asked again in this run" : "the ids still missing are asked one by one");
            return false;
        }
        int confirmed = cache.confirmedSince(CveSources.NVD, from);
        cache.answered(SOURCE, MARK, now.toString(), null, null);
        LOG.info("cve-context: NVD sync of changes since {}: {} record(s) in {} page(s), {} stored answer(s) current", from, stored,
                Math.max(1, (total + sync.pageSize() - 1) / sync.pageSize()), confirmed);
        return true;
    }

    /** Where the last complete sync ended; null when there was none (or it was pruned). */
    private Instant through() {
        CveSourceCache.Entry mark = cache.get(SOURCE, MARK);
        if (mark == null || !mark.answered()) {
            return null;
        }
        try {
            return Instant.parse(mark.body());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private record Page(int total, Map<String, String> records) {
    }

    private Page page(Instant from, Instant to, long start, int size, CveFetcher.Pass pass) {
        URI uri = URI.create(settings.nvd().url() + "?lastModStartDate=" + date(from) + "&lastModEndDate=" + date(to)
                + "&resultsPerPage=" + size + "&startIndex=" + start);
        HttpFetcher.Response r = fetcher.nvdPage(uri, pass);
        if (r.status() != 200) {
            throw new FetchException("HTTP " + r.status());
        }
        try {
            return read(r.body(), size);
        } catch (IOException | RuntimeException e) {
            throw new FetchException("NVD's answer is not an NVD CVE API 2.0 page");
        }
    }

    private static String date(Instant t) {
        return NVD_DATE.format(t).replace("+", "%2B");
    }

    /**
     * A page read one record at a time (a page of 2,000 is about 15 MB: its records are not all held as a tree at once):
     * {@code totalResults}, and each {@code vulnerabilities[].cve} by its id, at most {@code size} of them.
     */
    private Page read(byte[] body, int size) throws IOException {
        Map<String, String> records = new LinkedHashMap<>();
        int total = -1;
        try (JsonParser p = json.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("totalResults") && value == JsonToken.VALUE_NUMBER_INT) {
                    total = p.getIntValue();
                } else if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        if (records.size() >= size) { // no more than asked for
                            p.skipChildren();
                            continue;
                        }
                        JsonNode cve = json.readValue(p, JsonNode.class).path("cve");
                        String id = cve.path("id").asText();
                        if (CVE_ID.matcher(id).matches()) {
                            records.put(id, json.writeValueAsString(cve));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        if (total < 0) {
            throw new IOException("no totalResults");
        }
        return new Page(total, records);
    }
}
