package dev.newsdigest.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.model.Digest;
import dev.newsdigest.state.IntelLedger;
import dev.newsdigest.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform that imports every revision holds each story, indicator and CVE once: a day published twice (the second
 * revision with a story that changed and one that did not) and a 続報 the next day give new versions of what changed,
 * under the same ids, and nothing else.
 */
class StixVersionsTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path state;

    @Test
    void aDayPublishedTwiceAndA続報TheNextDayGiveEachStoryIndicatorAndCveOnceWithLaterVersionsOfWhatChanged() throws Exception {
        IntelExport export = new IntelExport(StixGoldenTest.settings());
        Digest first = digest("2026-11-25");
        // revision 2 of the same day, an hour later: the FortiWeb story gains an address; the phishing story is unchanged
        ObjectNode tree = json.valueToTree(first);
        tree.put("revision", 2).put("generatedAt", "2026-11-26T00:55:02+09:00");
        ((ArrayNode) tree.path("items").get(0).path("iocs")).addObject().put("type", "ipv4").put("value", "192.0.2.77");
        Digest second = json.treeToValue(tree, Digest.class);
        Digest next = digest("2026-11-26");

        List<JsonNode> bundles = new ArrayList<>();
        try (StateStore store = new StateStore(state, ZoneId.of("Asia/Tokyo"), Duration.ofMinutes(5),
                Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC))) {
            for (Digest d : List.of(first, second, next)) {
                store.markPublished(LocalDate.parse(d.date()), d.revision(), List.of(), "{}", "#", List.of(), export.of(d),
                        objects -> export.bundle(d, objects));
                bundles.add(json.readTree(store.intel().bundle(LocalDate.parse(d.date()), d.revision())));
            }
            List<IntelLedger.StoredObject> collection = store.intel().objects();

            // what a platform holds after importing the three bundles in order: each id once, at its latest version
            Map<String, JsonNode> imported = new HashMap<>();
            bundles.forEach(b -> b.path("objects").forEach(o -> imported.merge(o.path("id").asText(), o,
                    (had, now) -> modified(now).compareTo(modified(had)) >= 0 ? now : had)));
            assertThat(count(imported, "report")).as("stories: FortiWeb (with its 続報), phishing kit, Kinoshita Seiki").isEqualTo(3);
            assertThat(count(imported, "vulnerability")).as("CVE-2025-64446, CVE-2025-58034").isEqualTo(2);
            assertThat(count(imported, "indicator")).as("203.0.113.45, the URL, 192.0.2.77, 198.51.100.23").isEqualTo(4);
            // the collection holds exactly the objects of the bundles, and a version only where something changed
            assertThat(collection.stream().map(IntelLedger.StoredObject::id).distinct()).containsExactlyInAnyOrderElementsOf(imported.keySet());
            Map<String, Long> versions = collection.stream().collect(Collectors.groupingBy(IntelLedger.StoredObject::id, Collectors.counting()));
            String fortiweb = StixIds.of("report", "https://news.example.com/fortiweb-auth-bypass-exploited");
            String phishing = StixIds.of("report", "https://news.example.com/phishing-kit-m365");
            assertThat(versions.get(fortiweb)).as("r1, r2 (a new address), the 続報").isEqualTo(3);
            assertThat(versions.get(phishing)).as("unchanged in r2, absent the next day").isEqualTo(1);
            JsonNode story = imported.get(fortiweb);
            assertThat(story.path("created").asText()).isEqualTo("2026-11-25T14:55:02.000Z");
            assertThat(story.path("modified").asText()).isEqualTo("2026-11-26T14:55:04.000Z");
            // the unchanged story is carried by revision 2 as stored, not as a new version
            JsonNode carried = object(bundles.get(1), phishing);
            assertThat(carried.path("modified").asText()).isEqualTo("2026-11-25T14:55:02.000Z");
            // date_added only grows, version by version
            List<Instant> added = collection.stream().map(IntelLedger.StoredObject::dateAdded).toList();
            assertThat(added).isSorted().doesNotHaveDuplicates();
        }
    }

    private Digest digest(String day) throws Exception {
        return json.readValue(Files.readAllBytes(StixGoldenTest.EXAMPLE.resolve(day + ".json")), Digest.class);
    }

    private static String modified(JsonNode o) {
        return o.path("modified").asText(o.path("created").asText(""));
    }

    private static long count(Map<String, JsonNode> objects, String type) {
        return objects.values().stream().filter(o -> o.path("type").asText().equals(type)).count();
    }

    private static JsonNode object(JsonNode bundle, String id) {
        for (JsonNode o : bundle.path("objects")) {
            if (o.path("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError(id + " is not in the bundle");
    }
}
