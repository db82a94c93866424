package dev.newsdigest.cve;

import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code digest.watchlist} through the real routes: an item that concerns an entry leads 課題 with its reason, before
 * the model's own "act now", even when the model did not ask for action.
 */
class OurProductsFirstTest extends PipelineTestSupport {
    private final CveSourceServer sources = new CveSourceServer();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        CveContextTest.cveNews(p, web, sources);
        p.put("digest.watchlist", "SimpleHelp, cpe:2.3:h:dlink:dir-645:*");
        return p;
    }

    @AfterEach
    void stopSources() {
        sources.close();
    }

    @Test
    void aWatchlistEntryMatchingAnItemPutsItFirstWithTheReason() {
        poll();
        publish();

        String md = markdown();
        String actions = md.substring(md.indexOf("## 課題"), md.indexOf("## 概要"));
        List<String> lines = actions.lines().filter(l -> l.startsWith("- ")).toList();
        // the SimpleHelp article: ours (its KEV entry's vendor) and in KEV; the model did not ask for action
        assertThat(lines.get(0)).startsWith("- [【要約】SimpleHelp and Apache Ant flaws patched](").endsWith("): (自社製品: SimpleHelp, KEV)");
        // the D-Link article: ours (the product the model named, as the article writes it), and the model asks for action
        assertThat(lines.get(1)).startsWith("- [【要約】Old D-Link router flaw still exploited](")
                .endsWith(": 攻撃での悪用が確認されている (自社製品: DIR-645)");
        assertThat(lines).hasSize(2);

        JsonNode first = digestJson().path("actions").get(0);
        assertThat(first.path("watchlist").toString()).isEqualTo("[\"SimpleHelp\"]");
        assertThat(first.path("kev").asBoolean()).isTrue();
        assertThat(first.path("epss").asDouble()).isEqualTo(0.94312);
        assertThat(first.path("cvss").asDouble()).isEqualTo(6.3);

        // the model's vendors and products are kept only where the article names them
        JsonNode item = digestJson().path("items").get(0).path("url").asText().contains("ant") ? digestJson().path("items").get(0)
                : digestJson().path("items").get(1);
        assertThat(item.path("products").toString()).contains("SimpleHelp", "Ant").doesNotContain(OpenAiStub.INVENTED_PRODUCT);
        assertThat(item.path("vendors").toString()).contains("SimpleHelp", "Apache");
    }
}
