package dev.newsdigest.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.model.Intel;
import dev.newsdigest.text.StixTime;
import dev.newsdigest.state.IntelLedger;
import dev.newsdigest.state.StateStore;

/**
 * A TAXII collection of {@value #OBJECTS} STIX 2.1 objects, published the way the pipeline publishes them (three revisions
 * of one day, through {@link StateStore#markPublished}, so {@link IntelLedger} stores them): {@value #INDICATORS}
 * indicators and {@value #OBSERVABLES} ipv4-addr observables in revision 1; {@value #CHANGED} of the indicators changed in
 * revision 2 and {@value #CHANGED_TWICE} of those changed again in revision 3. {@value #VERSIONS} versions in all.
 */
public final class StixCollection {
    public static final int INDICATORS = 700;
    public static final int OBSERVABLES = 300;
    public static final int OBJECTS = INDICATORS + OBSERVABLES;
    public static final int CHANGED = 100;
    public static final int CHANGED_TWICE = 50;
    public static final int VERSIONS = OBJECTS + CHANGED + CHANGED_TWICE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00.000Z");

    private StixCollection() {
    }

    /** Publishes the three revisions of {@code day} into {@code store}. */
    public static void publish(StateStore store, LocalDate day) {
        List<String> indicators = new ArrayList<>();
        List<ObjectNode> first = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            String id = "indicator--" + UUID.randomUUID();
            indicators.add(id);
            first.add(indicator(id, i, 1));
            if (i < OBSERVABLES) {
                first.add(observable(i));
            }
        }
        publish(store, day, 1, first);
        publish(store, day, 2, IntStream.range(0, CHANGED).mapToObj(i -> indicator(indicators.get(i), i, 2)).toList());
        publish(store, day, 3, IntStream.range(0, CHANGED_TWICE).mapToObj(i -> indicator(indicators.get(i), i, 3)).toList());
    }

    private static void publish(StateStore store, LocalDate day, int revision, List<ObjectNode> objects) {
        boolean published = store.markPublished(day, revision, List.of(), "{}", "# " + day, List.of(), new Intel(objects, List.of()), carried -> "{}");
        if (!published) {
            throw new IllegalStateException("revision " + revision + " of " + day + " was already published");
        }
    }

    private static ObjectNode indicator(String id, int n, int version) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "indicator");
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", StixTime.millis(CREATED));
        o.put("modified", StixTime.millis(CREATED.plus(version - 1L, ChronoUnit.DAYS)));
        o.put("name", "C2 address " + n + (version > 1 ? " (revised " + version + ")" : ""));
        o.put("pattern", "[ipv4-addr:value = '" + address(n) + "']");
        o.put("pattern_type", "stix");
        o.put("valid_from", StixTime.millis(CREATED));
        return o;
    }

    private static ObjectNode observable(int n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "ipv4-addr");
        o.put("spec_version", "2.1");
        o.put("id", "ipv4-addr--" + UUID.nameUUIDFromBytes(address(n).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        o.put("value", address(n));
        return o;
    }

    private static String address(int n) {
        return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
    }

    /** Every stored version, as the ledger holds it, oldest first. */
    public static List<IntelLedger.StoredObject> stored(StateStore store) {
        return store.intel().objects();
    }

    /** Each object's last version (by date added), in the order the collection gives them: by date added. */
    public static List<IntelLedger.StoredObject> lastVersions(StateStore store) {
        Map<String, IntelLedger.StoredObject> last = new LinkedHashMap<>();
        for (IntelLedger.StoredObject o : stored(store)) {
            last.merge(o.id(), o, (a, b) -> b.dateAdded().isAfter(a.dateAdded()) ? b : a);
        }
        return last.values().stream().sorted(Comparator.comparing(IntelLedger.StoredObject::dateAdded)).toList();
    }

    /** Each object's first version, by date added. */
    public static List<IntelLedger.StoredObject> firstVersions(StateStore store) {
        Map<String, IntelLedger.StoredObject> first = new LinkedHashMap<>();
        for (IntelLedger.StoredObject o : stored(store)) {
            first.merge(o.id(), o, (a, b) -> b.dateAdded().isBefore(a.dateAdded()) ? b : a);
        }
        return first.values().stream().sorted(Comparator.comparing(IntelLedger.StoredObject::dateAdded)).toList();
    }

    /** A stored object's JSON, read. */
    public static JsonNode json(IntelLedger.StoredObject o) {
        try {
            return JSON.readTree(o.json());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
