package com.example.digest.hardening;

import java.util.Properties;

import com.example.digest.support.LogCapture;
import com.example.digest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With the guard closed (the default), article links to internal addresses are refused; operator feeds are not. */
class SsrfGuardRouteTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.fetch.allow-private-addresses", "false");
        p.put("digest.feeds", "one");
        p.put("digest.feed.one.url", web.url("/one.rss")); // a feed on loopback: configured by the operator, so allowed
        web.serve("/one.rss", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title>
                <item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link><description>cloud metadata</description></item>
                <item><title>Decimal loopback</title><link>http://2130706433:%d/pages/fortiweb.html</link><description>decimal</description></item>
                <item><title>Loopback page</title><link>%s</link><description>loopback</description></item>
                <item><title>Redirect to inside</title><link>http://93.184.215.14.nip.invalid/x</link><description>dns</description></item>
                </channel></rss>""".formatted(web.port(), web.url("/pages/fortiweb.html")));
        return p;
    }

    @Test
    void internalArticleLinksAreRefusedAndFallBackToTheFeedText() {
        try (LogCapture logs = new LogCapture()) {
            poll();
            assertThat(logs.warnings()).anyMatch(w -> w.contains("169.254.169.254") && w.contains("refused internal address"))
                    .anyMatch(w -> w.contains("2130706433") && w.contains("refused internal address 127.0.0.1"))
                    .anyMatch(w -> w.contains(web.url("/pages/fortiweb.html")) && w.contains("refused internal address"));
        }
        publish();

        assertThat(web.requests("/pages/fortiweb.html")).isEmpty(); // never fetched
        for (var item : digestJson().path("items")) {
            assertThat(item.path("textSource").asText()).isEqualTo("feed");
        }
        assertThat(digestJson().path("items")).hasSize(4);
    }
}
