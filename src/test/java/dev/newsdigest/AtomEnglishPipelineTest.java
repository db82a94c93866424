package dev.newsdigest;

import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An Atom feed, English output, and the age cut-off, through the real routes. */
class AtomEnglishPipelineTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "atom,news");
        p.put("digest.feed.atom.url", web.url("/news.atom"));
        p.put("digest.language", "en");
        return p;
    }

    @Test
    void atomFeedIsReadAndEnglishDigestUsesEnglishHeadings() {
        web.serveResource("/news.atom", "application/atom+xml", "fixtures/news.atom");
        poll();
        publish();

        String md = markdown();
        assertThat(md).startsWith("# Daily News Digest ");
        assertThat(md).contains("\n## Action items\n", "\n## Overview\n", "\n## News\n", "\n### Japanese breach incidents\n- None\n",
                "\n---\nFeed status: atom ok (1 new) / news ok (3 new)\n", "- Summary\n", "- IOCs\n", "- AI recommendations\n");
        assertThat(md).contains("【要約】Ivanti patches exploited zero-day in EPMM");
        JsonNode d = digestJson();
        assertThat(d.path("language").asText()).isEqualTo("en");
        assertThat(model.articleRequests().get(0).path("messages").get(0).path("content").asText()).contains("English");
    }

    @Test
    void entriesOlderThanMaxItemAgeAreSkipped() {
        // max-item-age is 36500d in these tests: an entry from 1920 is older than that
        web.serve("/news.atom", 200, "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>old</title><id>urn:x</id>
                <updated>1920-01-01T00:00:00Z</updated>
                <entry><title>Ancient story</title><link href="%s"/><id>urn:old</id><updated>1920-01-01T00:00:00Z</updated>
                <summary>old</summary></entry></feed>""".formatted(web.url("/pages/ivanti.html")));
        poll();
        publish();

        assertThat(markdown()).doesNotContain("Ancient story");
    }
}
