package dev.newsdigest.cve;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.config.Messages;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Ioc;
import dev.newsdigest.state.CveSourceCache;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CVE context of a digest, for the {@code cve-context} route: which answers are missing or stale ({@link #due}),
 * what each answer says ({@link #received}, {@link #failed}), and every item's CVE ids with what the stored answers
 * say of them ({@link #apply}). {@link CveFetcher} does the HTTP; each source's class ({@link NvdSource},
 * {@link CveRecordSource}, {@link KevSource}, {@link EpssSource}, {@link JvnSource}) reads, checks and stores its answers.
 */
public class CveSources {
    private static final Logger LOG = LoggerFactory.getLogger(CveSources.class);
    public static final String NVD = "nvd";
    public static final String RECORD = "record";
    public static final String KEV = "kev";
    public static final String EPSS = "epss";
    public static final String JVN = "jvn";
    /** The most CVE ids of one digest that are looked up: a page listing thousands would otherwise take NVD hours. */
    public static final int MAX_IDS = 60;

    private final CveSettings settings;
    private final CveSourceCache cache;
    private final Messages messages;
    private final NvdSource nvd;
    private final CveRecordSource record;
    private final KevSource kev;
    private final EpssSource epss;
    private final JvnSource jvn;
    /** The sources by key, in the order the digest lists them. */
    private final Map<String, CveSource> sources = new LinkedHashMap<>();

    public CveSources(CveSettings settings, CveSourceCache cache, Clock clock, Messages messages) {
        this.messages = messages;
        this.settings = settings;
        this.cache = cache;
        this.nvd = new NvdSource(settings.nvd(), cache, clock);
        this.record = new CveRecordSource(settings.cveRecord(), cache, clock);
        this.kev = new KevSource(settings.kev(), cache, clock);
        this.epss = new EpssSource(settings.epss(), cache, clock);
        this.jvn = new JvnSource(settings.jvn(), cache, clock);
        for (CveSource source : List.of(nvd, record, epss, kev, jvn)) {
            sources.put(source.key(), source);
        }
    }

    /** The distinct CVE ids of the digest's items, in order, at most {@link #MAX_IDS}. */
    public List<String> ids(Digest digest) {
        Set<String> ids = new LinkedHashSet<>();
        for (DigestItem item : digest.items()) {
            ids.addAll(idsOf(item));
        }
        return ids.stream().limit(MAX_IDS).toList();
    }

    /** An item's distinct CVE ids, upper-cased, in order. */
    public static List<String> idsOf(DigestItem item) {
        return item.iocs() == null ? List.of() : item.iocs().stream().filter(i -> "cve".equals(i.type()))
                .map(Ioc::value).map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /**
     * The requests due for {@code ids}: in round 0 the KEV catalog, EPSS scores, NVD records and JVN entries that are
     * missing or older than their max-age; in round 1 the CVE records of ids NVD gave no score of its own.
     */
    public List<CveRequest> due(List<String> wanted, int round) {
        List<String> ids = settings.enabled() ? wanted : List.of();
        List<CveRequest> due = new ArrayList<>();
        if (ids.isEmpty()) {
            return due;
        }
        if (round == 0) {
            if (kev.on() && kev.stale(KevSource.CATALOG)) {
                due.add(kev.request());
            }
            if (epss.on()) {
                due.addAll(epss.requests(ids.stream().filter(epss::stale).toList()));
            }
            for (String id : ids) {
                if (nvd.on() && nvd.stale(id)) {
                    due.add(nvd.request(id));
                }
                if (jvn.on() && jvn.stale(id)) {
                    due.add(jvn.request(id));
                }
            }
        } else if (record.on()) {
            for (String id : ids) {
                if (!CvssPicker.hasPrimary(nvd.record(id)) && record.stale(id)) {
                    due.add(record.request(id));
                }
            }
        }
        if (!due.isEmpty()) {
            LOG.info("cve-context: {} request(s) due for {} CVE id(s) (round {})", due.size(), ids.size(), round);
        }
        return due;
    }

    /**
     * A source's answer, read by {@link CveFetcher} within {@code digest.cve.max-bytes}: 200 is checked and stored; 304
     * confirms the stored answer; 404 means the source does not list the id; anything else, or an answer that does not
     * read, is a failure that leaves the stored answer in use. True when the answer was stored or confirmed.
     */
    public boolean received(CveRequest request, int status, String etag, String lastModified, byte[] body) {
        try {
            if (status == 304) {
                request.keys().forEach(k -> cache.confirmed(request.source(), k));
            } else if (status == 404 && source(request).notListedBy404()) {
                request.keys().forEach(k -> cache.answered(request.source(), k, "", null, null));
            } else if (status == 200) {
                source(request).store(request, body, etag, lastModified);
            } else {
                failed(request, "HTTP " + status);
                return false;
            }
            return true;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own words (a parser feature, a source location) mean nothing to a reader of the digest
            failed(request, messages.format("cve.error.notJson", name(request.source())));
        } catch (IOException | RuntimeException e) {
            failed(request, messages.format("cve.error.badAnswer", name(request.source())));
            LOG.debug("cve-context: {} answer not read", request, e);
        }
        return false;
    }

    private CveSource source(CveRequest request) {
        CveSource source = sources.get(request.source());
        if (source == null) {
            throw new IllegalArgumentException("unknown CVE source " + request.source());
        }
        return source;
    }

    /** A request that could not be made or answered, with the reason in words: the stored answers stay in use. */
    public void failed(CveRequest request, String why) {
        String reason = why.lines().findFirst().orElse(why).strip(); // a parser's message goes on to where it read
        LOG.warn("cve-context: {} failed, the stored answer stays in use: {}", request, reason);
        request.keys().forEach(k -> cache.failed(request.source(), k, reason));
    }

    /** A request not made (its source could not be reached earlier in the pass): recorded as failed, without a WARN of its own. */
    public void skipped(CveRequest request, String why) {
        LOG.debug("cve-context: {} skipped: {}", request, why);
        request.keys().forEach(k -> cache.failed(request.source(), k, why));
    }

    /** The name the digest shows for a source. */
    public String name(String source) {
        CveSource known = sources.get(source);
        return known == null ? source : known.name();
    }

    public Messages messages() {
        return messages;
    }

    /** The digest with every item's CVE context and each source's state, from the stored answers. */
    public Digest apply(Digest digest) {
        if (!settings.enabled()) {
            return digest;
        }
        Set<String> looked = new LinkedHashSet<>(ids(digest));
        if (looked.isEmpty()) {
            return digest;
        }
        KevCatalog catalog = kev.catalog();
        List<DigestItem> items = new ArrayList<>();
        for (DigestItem item : digest.items()) {
            List<CveContext> contexts = new ArrayList<>();
            for (String id : idsOf(item)) {
                contexts.add(looked.contains(id) ? context(id, catalog) : new CveContext(id, null, null, null, null, List.of(), List.of("limit")));
            }
            items.add(item.withCves(contexts));
        }
        return digest.withCveContext(items, states(looked));
    }

    /** What the stored answers say of {@code id}, and which sources that are on have none for it. */
    private CveContext context(String id, KevCatalog catalog) {
        List<String> missing = new ArrayList<>();
        JsonNode nvdRecord = nvd.record(id);
        JsonNode cveRecord = record.record(id);
        if (nvd.lacks(id)) {
            missing.add(nvd.name());
        }
        if (epss.lacks(id)) {
            missing.add(epss.name());
        }
        if (kev.on() && catalog == null) {
            missing.add(kev.name());
        }
        if (jvn.lacks(id)) {
            missing.add(jvn.name());
        }
        return new CveContext(id, CvssPicker.pick(nvdRecord, cveRecord), epss.score(id), catalog == null ? null : catalog.get(id),
                jvn.entry(id), VulnerableCpes.of(nvdRecord, cveRecord), missing);
    }

    /** Each source that was asked for the digest's ids: its last error, if any, and how many ids it has no answer for. */
    private List<Digest.CveSourceState> states(Set<String> ids) {
        List<Digest.CveSourceState> states = new ArrayList<>();
        for (CveSource source : sources.values()) {
            if (!source.on()) {
                continue;
            }
            boolean catalog = source == kev; // one answer for every id
            List<String> keys = catalog ? List.of(KevSource.CATALOG) : List.copyOf(ids);
            String error = null;
            int missing = 0;
            boolean asked = false;
            for (String key : keys) {
                CveSourceCache.Entry e = cache.get(source.key(), key);
                if (e == null) {
                    continue;
                }
                asked = true;
                error = error == null ? e.error() : error;
                missing += e.answered() ? 0 : catalog ? ids.size() : 1;
            }
            if (asked) {
                states.add(new Digest.CveSourceState(source.name(), error == null, error, missing));
            }
        }
        return states;
    }
}
