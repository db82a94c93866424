package dev.newsdigest.story;

import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Three feeds tell the FortiWeb story, one of them in Japanese: the digest has it once, with its three sources. */
class OneStoryTest extends PipelineTestSupport {
    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "news,thn,snext,incidents");
        p.put("digest.feed.thn.url", web.url("/thn.rss"));
        p.put("digest.feed.thn.section", "news");
        p.put("digest.feed.snext.url", web.url("/snext.rdf"));
        p.put("digest.feed.snext.section", "news");
        web.serveResource("/thn.rss", "application/rss+xml", "fixtures/story/thn.rss")
                .serveResource("/snext.rdf", "application/rdf+xml; charset=utf-8", "fixtures/story/snext.rdf")
                .serveResource("/story/thn-fortiweb.html", "text/html; charset=utf-8", "fixtures/story/thn-fortiweb.html")
                .serveResource("/story/snext-fortiweb.html", "text/html; charset=utf-8", "fixtures/story/snext-fortiweb.html");
        return p;
    }

    @Test
    void theSameEventFromThreeFeedsInTwoLanguagesIsOneItemWithThreeSources() {
        poll();
        publish();

        JsonNode digest = digestJson();
        JsonNode story = null;
        int fortiWeb = 0;
        for (JsonNode item : digest.path("items")) {
            if (item.toString().contains("CVE-2025-64446")) {
                fortiWeb++;
                story = item;
            }
        }
        assertThat(fortiWeb).as("items naming CVE-2025-64446").isEqualTo(1);
        assertThat(story.path("sources")).hasSize(3);
        assertThat(story.path("sources").findValuesAsText("source")).containsExactly("news", "thn", "snext");
        // the key of the story is its first article's normalised URL
        assertThat(story.path("storyKey").asText()).isEqualTo(web.url("/pages/fortiweb.html"));
        assertThat(story.path("firstSeen").asText()).isEqualTo(story.path("sources").get(0).path("publishedAt").asText());
        assertThat(digest.path("items")).hasSize(3); // the FortiWeb story, the loader, the retailer

        String md = markdown();
        assertThat(md).contains("- 出典: [news](" + web.url("/pages/fortiweb.html") + "), [thn](" + web.url("/story/thn-fortiweb.html")
                + "), [snext](" + web.url("/story/snext-fortiweb.html") + ")\n");
        assertThat(occurrences(md, "### ")).isEqualTo(4); // three items and 日本の侵害事例
    }
}
