package dev.newsdigest.cve;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.state.CveSourceCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every CVE source has in common: its key in the table of answers, the name the digest shows, its settings, and
 * its stored answers (stale or not, answered or not, read back as JSON). Each source's own class says how it is asked,
 * and how its answer is read, checked and stored.
 */
abstract class CveSource {
    static final String JSON_TYPE = "application/json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final String name;
    private final CveSettings.Source settings;
    final CveSourceCache cache;
    private final Clock clock;

    CveSource(String key, String name, CveSettings.Source settings, CveSourceCache cache, Clock clock) {
        this.key = key;
        this.name = name;
        this.settings = settings;
        this.cache = cache;
        this.clock = clock;
    }

    /** The source's key in the table of answers and in a {@link CveRequest}. */
    String key() {
        return key;
    }

    /** The name the digest shows. */
    String name() {
        return name;
    }

    boolean on() {
        return settings.on();
    }

    String url() {
        return settings.url();
    }

    /**
     * Reads, checks and stores a 200 answer to {@code request}; throws when it is not the source's kind of answer, so
     * that the stored answers stay in use.
     */
    abstract void store(CveRequest request, byte[] body, String etag, String lastModified) throws IOException;

    /** The answer as JSON; refused with {@code notKind} when {@code kind} says it is not the source's kind of answer. */
    static JsonNode json(byte[] body, java.util.function.Predicate<JsonNode> kind, String notKind) throws IOException {
        JsonNode answer = JSON.readTree(body);
        if (!kind.test(answer)) {
            throw new IllegalArgumentException(notKind);
        }
        return answer;
    }

    /** Whether a 404 says the source does not list the ids asked for (a catalog's 404 says nothing of the kind). */
    boolean notListedBy404() {
        return true;
    }

    /** A JSON request with the stored answer's validators, so that an unchanged answer costs a 304. */
    CveRequest revalidating(List<String> keys, String url) {
        CveSourceCache.Entry stored = cache.get(key, keys.get(0));
        boolean revalidate = stored != null && stored.answered() && !stored.body().isEmpty();
        return new CveRequest(key, keys, url, JSON_TYPE, revalidate ? stored.etag() : null, revalidate ? stored.lastModified() : null);
    }

    /** Whether the answer for {@code item} is missing, failed or older than the source's max-age. */
    boolean stale(String item) {
        CveSourceCache.Entry stored = cache.get(key, item);
        return stored == null || !stored.answered() || stored.checkedAt() == null
                || stored.checkedAt().plus(settings.maxAge()).isBefore(Instant.now(clock));
    }

    /** Whether the source is on but has no answer for {@code item}: the digest names it as missing. */
    boolean lacks(String item) {
        CveSourceCache.Entry e = cache.get(key, item);
        return on() && (e == null || !e.answered());
    }

    /** The stored answer as JSON, or null when there is none or the source does not list the item. */
    JsonNode tree(String item) {
        CveSourceCache.Entry e = cache.get(key, item);
        if (e == null || !e.answered() || e.body().isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(e.body());
        } catch (IOException ex) {
            return null;
        }
    }

    /** The stored answer as a {@code type}, or null when there is none or it does not read as one. */
    <T> T value(String item, Class<T> type) {
        JsonNode node = tree(item);
        if (node == null) {
            return null;
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            return null;
        }
    }
}
