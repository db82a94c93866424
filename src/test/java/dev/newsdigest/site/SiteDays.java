package dev.newsdigest.site;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdigest.model.Digest;
import dev.newsdigest.publish.DigestRenderer;
import dev.newsdigest.state.StateStore.DayDigest;

/**
 * Published days for the archive's tests: the two example days of {@code docs/digest-example} (the second a 続報 of the
 * first's FortiWeb story), and a day whose items a hostile feed and model wrote, rendered by the real renderer.
 */
final class SiteDays {
    static final Path EXAMPLE = Path.of("docs/digest-example");
    /** A title that is markup, an attribute break-out and a script, all at once. */
    static final String HOSTILE = "<img src=x onerror=alert(1)>\"><script>alert('x')</script> 攻撃の見出し";

    private SiteDays() {
    }

    static DayDigest example(String day, String publishedAt) throws Exception {
        Instant at = Instant.parse(publishedAt);
        return new DayDigest(LocalDate.parse(day), 1, at, at, Files.readString(EXAMPLE.resolve(day + ".json"), StandardCharsets.UTF_8),
                Files.readString(EXAMPLE.resolve(day + ".md"), StandardCharsets.UTF_8));
    }

    /** Both example days, newest first, as the state lists them. */
    static List<DayDigest> examples() throws Exception {
        return List.of(example("2026-11-26", "2026-11-26T14:55:04Z"), example("2026-11-25", "2026-11-25T14:55:02Z"));
    }

    /** The 2026-11-26 example moved to {@code day}, its second item's title, summary and URL written by an attacker. */
    static DayDigest hostile(String day) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(EXAMPLE.resolve("2026-11-26.json").toFile());
        json.put("date", day);
        ObjectNode item = (ObjectNode) json.withArray("items").get(1);
        item.put("title", HOSTILE);
        item.putArray("summary").add("</li><script>alert(2)</script>").add("javascript:alert(3)");
        item.put("url", "javascript:alert(4)");
        Digest digest = mapper.readValue(mapper.writeValueAsBytes(json), Digest.class);
        DigestRenderer renderer = new DigestRenderer();
        Instant at = Instant.parse(day + "T15:00:00Z");
        return new DayDigest(LocalDate.parse(day), 1, at, at, new String(renderer.json(digest), StandardCharsets.UTF_8), renderer.markdown(digest));
    }
}
