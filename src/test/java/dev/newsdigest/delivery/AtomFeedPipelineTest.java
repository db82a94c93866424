package dev.newsdigest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import dev.newsdigest.support.AtomRules;
import dev.newsdigest.support.MovableClock;
import dev.newsdigest.support.PipelineTestSupport;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

/**
 * {@code feed.atom} through the real routes, with {@code digest.tlp=AMBER}: the file channel writes it beside the day's
 * files, valid by the rules of RFC 4287; a later revision of the day updates the day's entry; a feed's hostile title
 * reaches it only as escaped text.
 */
class AtomFeedPipelineTest extends PipelineTestSupport {
    private final MovableClock clock = new MovableClock();

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("clock", clock);
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.tlp", "AMBER");
        return p;
    }

    private Feed feed() throws Exception {
        Path file = work.resolve("out/feed.atom");
        assertThat(file).exists();
        return AtomRules.check(Files.readAllBytes(file));
    }

    @Test
    void afterARunFeedAtomIsAValidAtomFeedWithTheDayTitledWithItsTlp() throws Exception {
        poll();
        publish();

        String day = digestJson().path("date").asText();
        Feed feed = feed();
        assertThat(feed.getEntries()).hasSize(1);
        Entry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("日々のニュース要約 " + day + " [TLP:AMBER]");
        assertThat(entry.getId()).startsWith("urn:uuid:");
        assertThat(entry.getAlternateLinks()).anySatisfy(l -> assertThat(l.getHref()).isEqualTo(day + ".md"));
        assertThat(entry.getContents().get(0).getValue()).contains("【要約】FortiWeb authentication bypass flaw exploited in attacks",
                "<a href=\"" + web.url("/pages/fortiweb.html") + "\"");
        assertThat(feed.getUpdated()).isEqualTo(entry.getUpdated());
        // written like the day's files: the temporary file renamed, none left behind
        try (var files = Files.list(work.resolve("out"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aSecondRevisionOfTheDayUpdatesTheDaysEntryRatherThanAddingOne() throws Exception {
        poll();
        publish();
        Entry first = feed().getEntries().get(0);

        clock.moveOn(Duration.ofSeconds(2)); // the feed's times are in whole seconds
        web.serve("/news.rss", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                <item><title>Late story about an exploited router</title><link>%s</link>
                <description>late</description></item>
                </channel></rss>""".formatted(web.url("/pages/loader.html?late=1")));
        poll();
        publish();
        assertThat(digestJson().path("revision").asInt()).isEqualTo(2);

        Feed feed = feed();
        assertThat(feed.getEntries()).hasSize(1);
        Entry second = feed.getEntries().get(0);
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getUpdated()).isAfter(first.getUpdated());
        assertThat(second.getPublished()).isEqualTo(first.getPublished());
        assertThat(first.getContents().get(0).getValue()).doesNotContain("Late story about an exploited router");
        assertThat(second.getContents().get(0).getValue()).contains("Late story about an exploited router");
        assertThat(feed.getUpdated()).isEqualTo(second.getUpdated());
    }

    @Test
    void aHostileTitleInAFeedIsEscapedTextInTheContent() throws Exception {
        web.serve("/incidents.rdf", 200, "application/rdf+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <channel rdf:about="%1$s"><title>t</title><link>%1$s</link><description>d</description></channel>
                  <item rdf:about="%2$s"><title>&lt;script&gt;alert(1)&lt;/script&gt;ランサム被害 &lt;img src=x onerror=alert(2)&gt;</title>
                  <link>%2$s</link><description>ランサムウェア被害</description></item>
                </rdf:RDF>""".formatted(web.url("/incidents.rdf"), web.url("/jp/1")));
        poll();
        publish();

        assertThat(markdown()).contains("\\<script\\>alert(1)\\</script\\>ランサム被害");
        byte[] raw = Files.readAllBytes(work.resolve("out/feed.atom"));
        assertThat(new String(raw, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("<script", "<img");
        String html = feed().getEntries().get(0).getContents().get(0).getValue();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;ランサム被害 &lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script", "<img");
    }
}
