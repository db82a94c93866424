package dev.newsdigest.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdigest.config.IntelSettings;
import dev.newsdigest.model.Digest;
import dev.newsdigest.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The STIX examples in {@code docs/digest-example} are what a state that published the example days in order writes:
 * 2026-11-25, then 2026-11-26 (a 続報 of the first day's FortiWeb story, with TLP:AMBER), byte for byte. Run with
 * {@code -Dstix.golden.write=true} to write them after a deliberate change, then read the difference.
 */
class StixGoldenTest {
    static final Path EXAMPLE = Path.of("docs/digest-example");
    static final List<String> DAYS = List.of("2026-11-25", "2026-11-26");

    @TempDir
    Path state;

    @Test
    void theExampleDaysPublishedInOrderGiveTheStixExamplesByteForByte() throws Exception {
        List<String> bundles = publishExampleDays(state);
        for (int i = 0; i < DAYS.size(); i++) {
            Path golden = EXAMPLE.resolve(DAYS.get(i) + ".stix.json");
            if (Boolean.getBoolean("stix.golden.write")) {
                Files.writeString(golden, bundles.get(i), StandardCharsets.UTF_8);
            }
            assertThat(bundles.get(i)).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theStixExamplesAreValidStix21AndEveryPatternParses() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String day : DAYS) {
            com.fasterxml.jackson.databind.JsonNode bundle = json.readTree(EXAMPLE.resolve(day + ".stix.json").toFile());
            assertThat(StixSchemas.bundleErrors(bundle)).as(day).isEmpty();
            bundle.path("objects").forEach(o -> {
                if (o.has("pattern")) {
                    assertThat(StixPatternGrammar.errors(o.path("pattern").asText())).as(o.path("pattern").asText()).isEmpty();
                }
            });
        }
    }

    /** Publishes the example days in order on a new state under {@code dir}; their bundles. */
    static List<String> publishExampleDays(Path dir) throws Exception {
        IntelExport export = new IntelExport(settings());
        try (StateStore store = new StateStore(dir, ZoneId.of("Asia/Tokyo"), Duration.ofMinutes(5), Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC))) {
            return DAYS.stream().map(day -> publish(store, export, day)).toList();
        }
    }

    static IntelSettings settings() {
        return new IntelSettings("news-digest", false, "news-digest", false, "127.0.0.1", 0, false, java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), false);
    }

    static String publish(StateStore store, IntelExport export, String day) {
        try {
            byte[] json = Files.readAllBytes(EXAMPLE.resolve(day + ".json"));
            Digest digest = new ObjectMapper().readValue(json, Digest.class);
            store.markPublished(LocalDate.parse(day), digest.revision(), List.of(), new String(json, StandardCharsets.UTF_8), "# " + day,
                    List.of(), export.of(digest), objects -> export.bundle(digest, objects));
            return store.intel().bundle(LocalDate.parse(day), digest.revision());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
