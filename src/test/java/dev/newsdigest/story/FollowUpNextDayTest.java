package dev.newsdigest.story;

import java.time.Duration;

import dev.newsdigest.support.MovableClock;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real days through the routes: the FortiWeb story is published on the first; on the next day a new article tells
 * it again, and the digest shows it as 【続報】 under the first day's story key, with what is new.
 */
class FollowUpNextDayTest extends PipelineTestSupport {
    private final MovableClock clock = new MovableClock();

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("clock", clock);
    }

    @Test
    void aStoryToldAgainTheNextDayIsAFollowUpWithWhatIsNew() {
        poll();
        publish();
        JsonNode first = digestJson();
        String firstDay = first.path("date").asText();
        String storyKey = web.url("/pages/fortiweb.html");

        clock.moveOn(Duration.ofDays(1));
        web.serveResource("/news.rss", "application/rss+xml", "fixtures/story/news-next-day.rss")
                .serveResource("/story/fortiweb-webshell.html", "text/html; charset=utf-8", "fixtures/story/fortiweb-webshell.html");
        poll();
        publish();

        JsonNode second = nextDay(firstDay);
        assertThat(second).as("a digest for the next day").isNotNull();
        assertThat(second.path("items")).hasSize(1);
        JsonNode item = second.path("items").get(0);
        assertThat(item.path("storyKey").asText()).isEqualTo(storyKey);
        assertThat(item.path("followUp").path("previousDay").asText()).isEqualTo(firstDay);
        assertThat(item.path("followUp").path("newIocs").asInt()).isEqualTo(1); // 198.51.100.77; 203.0.113.45 was told on day one
        String md = read(outputFiles(".md").stream().filter(f -> !f.getFileName().toString().startsWith(firstDay)).findFirst().orElseThrow());
        assertThat(md).contains("### 【続報】【要約】FortiWeb attacks now drop a web shell, new attacker address seen\n",
                "- 前回（" + firstDay + "）からの更新: 新しいIOC 1件\n");

        // later the same day another article joins the story: revision 2 still compares with day one, not with revision 1
        web.serveResource("/news.rss", "application/rss+xml", "fixtures/story/news-next-day-later.rss")
                .serveResource("/story/fortiweb-hunt.html", "text/html; charset=utf-8", "fixtures/story/fortiweb-hunt.html");
        poll();
        publish();
        JsonNode revision = nextDay(firstDay);
        assertThat(revision.path("revision").asInt()).isEqualTo(2);
        assertThat(revision.path("items")).hasSize(1);
        JsonNode again = revision.path("items").get(0);
        assertThat(again.path("sources")).hasSize(2);
        assertThat(again.path("storyKey").asText()).isEqualTo(storyKey);
        assertThat(again.path("followUp").path("previousDay").asText()).isEqualTo(firstDay);
        assertThat(again.path("followUp").path("newIocs").asInt()).isEqualTo(2); // 198.51.100.77 and 192.0.2.10
    }

    /** The digest JSON of the day after {@code firstDay}, as last written; null when there is none. */
    private JsonNode nextDay(String firstDay) {
        return outputFiles(".json").stream().filter(f -> !f.getFileName().toString().startsWith(firstDay)).findFirst()
                .map(this::readJson).orElse(null);
    }

    private JsonNode readJson(java.nio.file.Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
