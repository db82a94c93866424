package dev.newsdigest.feed;

import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code digest.feed.<id>.exclude} on a feed's categories, through the real routes: an entry filed under Deals is dropped
 * when the feed is read, so its page is never fetched and the model never sees it; the others keep their categories.
 */
class ExcludedCategoryTest extends PipelineTestSupport {
    private static final String DEAL = "Save 80% on a lifetime VPN subscription";

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "bc");
        p.put("digest.feed.bc.url", web.url("/bc.rss"));
        p.put("digest.feed.bc.exclude", "^Deals$");
        return p;
    }

    @Test
    void anEntryInTheDealsCategoryIsNeverFetchedNorSentToTheModel() {
        web.serve("/pages/deal.html", 200, "text/html; charset=utf-8", "<html><body><article><p>" + DEAL + ". Buy now.</p></article></body></html>")
                .serve("/bc.rss", 200, "application/rss+xml; charset=utf-8", """
                        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bc</title>
                        <item><title>%s</title><link>%s</link><category><![CDATA[Deals]]></category>
                        <pubDate>Tue, 24 Nov 2026 18:00:00 GMT</pubDate><description>A deal.</description></item>
                        <item><title>FortiWeb authentication bypass flaw exploited in attacks</title><link>%s</link>
                        <category><![CDATA[Security]]></category><pubDate>Tue, 24 Nov 2026 14:08:43 GMT</pubDate>
                        <description>Attackers exploit a FortiWeb flaw.</description></item>
                        <item><title>Rust loader spreads via fake browser updates</title><link>%s</link>
                        <pubDate>Tue, 24 Nov 2026 16:30:00 GMT</pubDate><description>A loader.</description></item>
                        </channel></rss>""".formatted(DEAL, web.url("/pages/deal.html"), web.url("/pages/fortiweb.html"),
                        web.url("/pages/loader.html")));

        poll();
        publish();

        assertThat(web.hits("/bc.rss")).isEqualTo(1);
        assertThat(web.hits("/pages/deal.html")).isZero();
        assertThat(web.hits("/pages/fortiweb.html")).isEqualTo(1);
        assertThat(model.articleRequests()).hasSize(2);
        assertThat(model.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.toString()).doesNotContain("lifetime VPN"));
        JsonNode items = digestJson().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("url").asText()).endsWith("/pages/fortiweb.html");
        assertThat(items.get(0).path("categories").toString()).isEqualTo("[\"Security\"]");
        assertThat(items.get(1).has("categories")).as("left out when the entry has none").isFalse();
        assertThat(markdown()).doesNotContain("lifetime VPN").contains("取得状況: bc 正常（新着 2件）");
    }
}
