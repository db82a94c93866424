package com.example.digest.cve;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.example.digest.config.CveSettings;
import com.example.digest.config.Messages;
import com.example.digest.model.CveContext;
import com.example.digest.model.Digest;
import com.example.digest.model.DigestItem;
import com.example.digest.model.Ioc;
import com.example.digest.state.CveSourceCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CVE context of a digest, for the {@code cve-context} route: which answers are missing or stale ({@link #due}),
 * what each answer says ({@link #received}, {@link #failed}), and every item's CVE ids with what the stored answers
 * say of them ({@link #apply}). {@link CveFetcher} does the HTTP; this class reads, checks and stores.
 */
public class CveSources {
    private static final Logger LOG = LoggerFactory.getLogger(CveSources.class);
    public static final String NVD = "nvd";
    public static final String RECORD = "record";
    public static final String KEV = "kev";
    public static final String EPSS = "epss";
    public static final String JVN = "jvn";
    /** The names the digest shows for each source, in the order it lists them. */
    private static final Map<String, String> NAMES = names();
    private static final String CATALOG = "catalog";
    /** FIRST's API answers up to 100 scores in one request. */
    private static final int EPSS_BATCH = 100;
    /** The most CVE ids of one digest that are looked up: a page listing thousands would otherwise take NVD hours. */
    public static final int MAX_IDS = 60;
    private static final int MAX_CPES = 20;
    private static final String JSON = "application/json";

    private final CveSettings settings;
    private final CveSourceCache cache;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Messages messages;

    public CveSources(CveSettings settings, CveSourceCache cache, Clock clock, Messages messages) {
        this.messages = messages;
        this.settings = settings;
        this.cache = cache;
        this.clock = clock;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(NVD, "NVD");
        names.put(RECORD, "CVE");
        names.put(EPSS, "EPSS");
        names.put(KEV, "KEV");
        names.put(JVN, "JVN");
        return names;
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
            if (settings.kev().on() && stale(KEV, CATALOG, settings.kev().maxAge())) {
                due.add(request(KEV, List.of(CATALOG), settings.kev().url()));
            }
            if (settings.epss().on()) {
                List<String> stale = ids.stream().filter(id -> stale(EPSS, id, settings.epss().maxAge())).toList();
                for (int i = 0; i < stale.size(); i += EPSS_BATCH) {
                    List<String> batch = stale.subList(i, Math.min(stale.size(), i + EPSS_BATCH));
                    due.add(new CveRequest(EPSS, batch, settings.epss().url() + "?cve=" + String.join(",", batch), JSON, null, null));
                }
            }
            for (String id : ids) {
                if (settings.nvd().on() && stale(NVD, id, settings.nvd().maxAge())) {
                    due.add(request(NVD, List.of(id), settings.nvd().url() + "?cveId=" + id));
                }
                if (settings.jvn().on() && stale(JVN, id, settings.jvn().maxAge())) {
                    due.add(new CveRequest(JVN, List.of(id), settings.jvn().url()
                            + "?method=getVulnOverviewList&feed=hnd&rangeDatePublic=n&rangeDatePublished=n&rangeDateFirstPublished=n&keyword="
                            + URLEncoder.encode(id, StandardCharsets.UTF_8), "application/xml", null, null));
                }
            }
        } else if (settings.cveRecord().on()) {
            for (String id : ids) {
                if (!CvssPicker.hasPrimary(nvdRecord(id)) && stale(RECORD, id, settings.cveRecord().maxAge())) {
                    due.add(request(RECORD, List.of(id), settings.cveRecord().url() + "/" + id));
                }
            }
        }
        if (!due.isEmpty()) {
            LOG.info("cve-context: {} request(s) due for {} CVE id(s) (round {})", due.size(), ids.size(), round);
        }
        return due;
    }

    /** A request with the stored answer's validators, so that an unchanged answer costs a 304. */
    private CveRequest request(String source, List<String> keys, String url) {
        CveSourceCache.Entry stored = cache.get(source, keys.get(0));
        boolean revalidate = stored != null && stored.answered() && !stored.body().isEmpty();
        return new CveRequest(source, keys, url, JSON, revalidate ? stored.etag() : null, revalidate ? stored.lastModified() : null);
    }

    private boolean stale(String source, String key, Duration maxAge) {
        CveSourceCache.Entry stored = cache.get(source, key);
        return stored == null || !stored.answered() || stored.checkedAt() == null
                || stored.checkedAt().plus(maxAge).isBefore(Instant.now(clock));
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
            } else if (status == 404 && !request.source().equals(KEV)) {
                request.keys().forEach(k -> cache.answered(request.source(), k, "", null, null));
            } else if (status == 200) {
                store(request, body, etag, lastModified);
            } else {
                failed(request, "HTTP " + status);
                return false;
            }
            return true;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own words (a parser feature, a source location) mean nothing to a reader of the digest
            failed(request, messages.format("cve.error.notJson", NAMES.get(request.source())));
        } catch (IOException | RuntimeException e) {
            failed(request, messages.format("cve.error.badAnswer", NAMES.get(request.source())));
            LOG.debug("cve-context: {} answer not read", request, e);
        }
        return false;
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
    public static String name(String source) {
        return NAMES.getOrDefault(source, source);
    }

    public Messages messages() {
        return messages;
    }

    private void store(CveRequest request, byte[] body, String etag, String lastModified) throws IOException {
        switch (request.source()) {
            case KEV -> {
                KevCatalog catalog = KevCatalog.of(json.readTree(body));
                cache.answered(KEV, CATALOG, new String(body, StandardCharsets.UTF_8), etag, lastModified);
                LOG.info("cve-context: KEV catalog read, {} entries", catalog.size());
            }
            case EPSS -> {
                Map<String, CveContext.Epss> scores = EpssScores.of(json.readTree(body));
                for (String id : request.keys()) {
                    CveContext.Epss score = scores.get(id);
                    cache.answered(EPSS, id, score == null ? "" : json.writeValueAsString(score), null, null);
                }
            }
            case NVD -> {
                JsonNode answer = json.readTree(body);
                if (!answer.path("vulnerabilities").isArray()) {
                    throw new IllegalArgumentException("not an NVD CVE API 2.0 answer: no vulnerabilities array");
                }
                String id = request.keys().get(0);
                String record = "";
                for (JsonNode v : answer.path("vulnerabilities")) {
                    if (id.equalsIgnoreCase(v.path("cve").path("id").asText())) {
                        record = json.writeValueAsString(v.path("cve"));
                    }
                }
                cache.answered(NVD, id, record, etag, lastModified);
            }
            case RECORD -> {
                JsonNode record = json.readTree(body);
                if (!record.path("containers").isObject()) {
                    throw new IllegalArgumentException("not a CVE JSON 5 record: no containers");
                }
                cache.answered(RECORD, request.keys().get(0), new String(body, StandardCharsets.UTF_8), etag, lastModified);
            }
            case JVN -> {
                CveContext.Jvn entry = JvnOverviews.find(body, request.keys().get(0));
                cache.answered(JVN, request.keys().get(0), entry == null ? "" : json.writeValueAsString(entry), null, null);
            }
            default -> throw new IllegalArgumentException("unknown CVE source " + request.source());
        }
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
        KevCatalog kev = kevCatalog();
        List<DigestItem> items = new ArrayList<>();
        for (DigestItem item : digest.items()) {
            List<CveContext> contexts = new ArrayList<>();
            for (String id : idsOf(item)) {
                contexts.add(looked.contains(id) ? context(id, kev) : new CveContext(id, null, null, null, null, List.of(), List.of("limit")));
            }
            items.add(item.withCves(contexts));
        }
        return digest.withCveContext(items, states(looked));
    }

    private CveContext context(String id, KevCatalog kev) {
        List<String> missing = new ArrayList<>();
        JsonNode nvd = nvdRecord(id);
        JsonNode record = tree(RECORD, id);
        if (settings.nvd().on() && !answered(NVD, id)) {
            missing.add(NAMES.get(NVD));
        }
        CveContext.Epss epss = value(EPSS, id, CveContext.Epss.class);
        if (settings.epss().on() && !answered(EPSS, id)) {
            missing.add(NAMES.get(EPSS));
        }
        if (settings.kev().on() && kev == null) {
            missing.add(NAMES.get(KEV));
        }
        CveContext.Jvn jvn = value(JVN, id, CveContext.Jvn.class);
        if (settings.jvn().on() && !answered(JVN, id)) {
            missing.add(NAMES.get(JVN));
        }
        return new CveContext(id, CvssPicker.pick(nvd, record), epss, kev == null ? null : kev.get(id), jvn, cpes(nvd, record), missing);
    }

    /** Each source that was asked for the digest's ids: its last error, if any, and how many ids it has no answer for. */
    private List<Digest.CveSourceState> states(Set<String> ids) {
        List<Digest.CveSourceState> states = new ArrayList<>();
        for (Map.Entry<String, String> source : NAMES.entrySet()) {
            String name = source.getKey();
            if (!on(name)) {
                continue;
            }
            List<String> keys = name.equals(KEV) ? List.of(CATALOG) : List.copyOf(ids);
            String error = null;
            int missing = 0;
            boolean asked = false;
            for (String key : keys) {
                CveSourceCache.Entry e = cache.get(name, key);
                if (e == null) {
                    continue;
                }
                asked = true;
                error = error == null ? e.error() : error;
                missing += e.answered() ? 0 : name.equals(KEV) ? ids.size() : 1;
            }
            if (asked) {
                states.add(new Digest.CveSourceState(source.getValue(), error == null, error, missing));
            }
        }
        return states;
    }

    private boolean on(String source) {
        return switch (source) {
            case NVD -> settings.nvd().on();
            case RECORD -> settings.cveRecord().on();
            case KEV -> settings.kev().on();
            case EPSS -> settings.epss().on();
            case JVN -> settings.jvn().on();
            default -> false;
        };
    }

    /** The vulnerable CPEs NVD's configurations and the CVE record's affected products name, at most {@link #MAX_CPES}. */
    private static List<String> cpes(JsonNode nvd, JsonNode record) {
        Set<String> cpes = new LinkedHashSet<>();
        if (nvd != null) {
            for (JsonNode match : nvd.path("configurations").findValues("cpeMatch")) {
                for (JsonNode m : match) {
                    if (m.path("vulnerable").asBoolean(false) && m.path("criteria").asText().startsWith("cpe:2.3:")) {
                        cpes.add(m.path("criteria").asText());
                    }
                }
            }
        }
        if (record != null) {
            for (JsonNode list : record.path("containers").findValues("cpes")) {
                for (JsonNode cpe : list) {
                    if (cpe.asText().startsWith("cpe:2.3:")) {
                        cpes.add(cpe.asText());
                    }
                }
            }
        }
        return cpes.stream().limit(MAX_CPES).toList();
    }

    private KevCatalog kevCatalog() {
        JsonNode catalog = tree(KEV, CATALOG);
        return catalog == null ? null : KevCatalog.of(catalog);
    }

    private JsonNode nvdRecord(String id) {
        return tree(NVD, id);
    }

    private boolean answered(String source, String key) {
        CveSourceCache.Entry e = cache.get(source, key);
        return e != null && e.answered();
    }

    /** The stored answer as JSON, or null when there is none or the source does not list the item. */
    private JsonNode tree(String source, String key) {
        CveSourceCache.Entry e = cache.get(source, key);
        if (e == null || !e.answered() || e.body().isEmpty()) {
            return null;
        }
        try {
            return json.readTree(e.body());
        } catch (IOException ex) {
            return null;
        }
    }

    private <T> T value(String source, String key, Class<T> type) {
        JsonNode node = tree(source, key);
        if (node == null) {
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (IOException e) {
            return null;
        }
    }
}
