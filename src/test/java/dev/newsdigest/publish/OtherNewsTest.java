package dev.newsdigest.publish;

import java.util.Properties;

import dev.newsdigest.support.Fixtures;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code digest.news.max-full} through the real routes: the most important items in full, the rest under その他のニュース
 * one escaped line each, in the same order; the JSON keeps every item in full.
 */
class OtherNewsTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.news.max-full", "1");
        return p;
    }

    @Test
    void itemsBeyondMaxFullAreListedOneLineEachAndTheJsonKeepsThemInFull() {
        // a fourth entry with a hostile title, between the loader (newest) and the undated one
        web.serve("/news.rss", 200, "application/rss+xml; charset=utf-8", Fixtures.text("fixtures/news.rss").replace("{{base}}", web.base())
                .replace("</channel>", """
                        <item><title>Patch *now*: [click](http://evil.example/x) | `x` #1</title><link>%s</link>
                        <pubDate>Tue, 24 Nov 2026 15:00:00 GMT</pubDate><description>A hostile title.</description></item>
                        </channel>""".formatted(web.url("/pages/hostile.html"))));

        poll();
        publish();

        String md = markdown();
        // the exploited flaw in full, though it is not the newest; the others one line each, newest first, the undated last
        assertThat(md).contains("## ニュース\n\n### 【要約】FortiWeb authentication bypass flaw exploited in attacks\n");
        assertThat(occurrences(md, "\n### 【要約】")).isEqualTo(1);
        assertThat(md).contains("\n### その他のニュース\n"
                + "- [【要約】Rust loader spreads via fake browser updates](" + web.url("/pages/loader.html") + ") — その他\n"
                + "- [【要約】Patch \\*now\\*: \\[click\\](\\[link removed\\] \\| \\`x\\` \\#1](" + web.url("/pages/hostile.html") + ") — その他\n"
                + "- [【要約】Retailer discloses breach after skimmer found](" + web.url("/pages/gone.html") + ") — その他\n"
                + "\n### 日本の侵害事例\n");
        assertThat(md).doesNotContain("evil.example");
        JsonNode items = digestJson().path("items");
        assertThat(items).hasSize(4).allSatisfy(item -> {
            assertThat(item.path("summary")).isNotEmpty();
            assertThat(item.path("aiRecommendations")).isNotEmpty();
        });
        assertThat(items.get(0).path("url").asText()).endsWith("/pages/fortiweb.html");
    }
}
