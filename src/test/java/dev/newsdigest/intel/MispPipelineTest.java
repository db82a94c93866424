package dev.newsdigest.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The real routes with {@code digest.misp.enabled}: the file channel writes a MISP feed (one event per story,
 * {@code hashes.csv}, {@code manifest.json}) that MISP's core format accepts; a later revision that changes a story gives
 * its event, under the same uuid, a later timestamp, and leaves the others as they were.
 */
class MispPipelineTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = withActorsFeed(super.settings());
        p.put("digest.tlp", "AMBER");
        p.put("digest.misp.enabled", "true");
        p.put("digest.misp.org", "SOC Example");
        return p;
    }

    @Test
    void theFileChannelWritesAMispFeedAndALaterRevisionBumpsOnlyTheEventThatChanged() throws Exception {
        poll();
        publish();

        Map<String, JsonNode> first = feed();
        assertThat(first).hasSize(4); // FortiWeb, the loader, the skimmer, LockBit
        JsonNode lockbit = byInfoSource(first, "/pages/lockbit.html");
        JsonNode event = lockbit.path("Event");
        assertThat(event.path("Orgc").path("name").asText()).isEqualTo("SOC Example");
        assertThat(attribute(event, "ip-dst", "198.51.100.77").path("to_ids").asBoolean()).isTrue();
        assertThat(attribute(event, "sha256", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae").path("to_ids").asBoolean()).isTrue();
        assertThat(attribute(event, "vulnerability", "CVE-2024-1709").path("to_ids").asBoolean()).isFalse();
        assertThat(event.path("Tag").toString()).contains("tlp:amber");
        String lockbitUuid = event.path("uuid").asText();
        assertThat(lockbitUuid).isEqualTo(MispEvents.eventUuid(lockbitKey()).toString());

        // revision 2: a second outlet tells the LockBit story (same CVE, same victim); nothing else changes
        tellTheActorsStoryFromASecondOutlet();
        poll();
        publish();

        Map<String, JsonNode> second = feed();
        assertThat(second.keySet()).isEqualTo(first.keySet());
        JsonNode changed = second.get(lockbitUuid).path("Event");
        assertThat(changed.path("timestamp").asLong()).isGreaterThan(event.path("timestamp").asLong());
        assertThat(changed.path("publish_timestamp").asLong()).isGreaterThan(event.path("publish_timestamp").asLong());
        first.forEach((uuid, before) -> {
            if (!uuid.equals(lockbitUuid)) {
                assertThat(second.get(uuid)).as(uuid).isEqualTo(before);
            }
        });
    }

    /** The feed as written: every event, after checking the three kinds of file against MISP's core format. */
    private Map<String, JsonNode> feed() throws Exception {
        Path dir = work.resolve("out/misp");
        Map<String, JsonNode> events = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("[0-9a-f-]{36}\\.json")).toList()) {
                JsonNode e = json.readTree(f.toFile());
                assertThat(MispFormat.eventErrors(e)).as(f.toString()).isEmpty();
                events.put(e.path("Event").path("uuid").asText(), e);
            }
        }
        assertThat(MispFormat.manifestErrors(json.readTree(dir.resolve("manifest.json").toFile()), events)).isEmpty();
        List<String> hashes = Files.readAllLines(dir.resolve("hashes.csv"), StandardCharsets.UTF_8);
        assertThat(MispFormat.hashesErrors(hashes, events)).isEmpty();
        assertThat(json.readTree(dir.resolve("manifest.json").toFile()).size()).isEqualTo(events.size());
        return events;
    }

    private String lockbitKey() throws Exception {
        for (JsonNode item : digestJson().path("items")) {
            if (item.path("url").asText().endsWith("/pages/lockbit.html")) {
                return item.has("storyKey") ? item.path("storyKey").asText() : item.path("url").asText();
            }
        }
        throw new AssertionError("no LockBit item");
    }

    private static JsonNode byInfoSource(Map<String, JsonNode> events, String path) {
        return events.values().stream().filter(e -> e.toString().contains(path)).findFirst().orElseThrow();
    }

    private static JsonNode attribute(JsonNode event, String type, String value) {
        for (JsonNode a : event.path("Attribute")) {
            if (a.path("type").asText().equals(type) && a.path("value").asText().equals(value)) {
                return a;
            }
        }
        throw new AssertionError("no " + type + " " + value + " in " + event.path("Attribute"));
    }
}
