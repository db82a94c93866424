package dev.newsdigest.hardening;

import java.net.InetAddress;
import java.util.Properties;
import java.util.function.Predicate;

import dev.newsdigest.fetch.AddressGuard;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.WebServer;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard closed (the default) through the real routes. To test what a public host may do, this test narrows the
 * guard's notion of "internal" by one address: the main server on 127.0.0.1 counts as a public news site, while 127.0.0.2,
 * where a second server plays the internal service, stays internal. Everything else about the guard is as shipped.
 */
class SsrfGuardRouteTest extends PipelineTestSupport {
    private final WebServer inside = new WebServer("127.0.0.2");

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        InetAddress inside = InetAddress.getByName("127.0.0.2");
        InetAddress newsSite = InetAddress.getByName("127.0.0.1");
        // as shipped, except that 127.0.0.1 plays a public news site and 127.0.0.2 stays an internal service
        registry.bind("addressPolicy", (Predicate<InetAddress>) a -> !a.equals(newsSite) && (a.equals(inside) || AddressGuard.isInternal(a)));
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.fetch.allow-private-addresses", "false");
        p.put("digest.feeds", "one,moved");
        p.put("digest.feed.one.url", web.url("/one.rss"));
        p.put("digest.feed.moved.url", web.url("/moved.rss")); // the operator's feed host redirects to the internal one
        inside.serve("/secret", 200, "text/html", "<html><body><article><p>" + "INTERNAL SECRET PAGE. ".repeat(30) + "</p></article></body></html>");
        inside.serve("/feed.rss", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>inside</title>
                <item><title>Internal feed entry</title><link>https://n.example/x</link><description>inside</description></item>
                </channel></rss>""");
        web.serve("/redirect", 302, "text/plain", "moved").header("/redirect", "Location", inside.url("/secret"));
        web.serve("/moved.rss", 301, "text/plain", "moved").header("/moved.rss", "Location", inside.url("/feed.rss"));
        web.serve("/one.rss", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title>
                <item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link><description>cloud metadata</description></item>
                <item><title>Leading zeros</title><link>http://0127.0.0.1:%1$d/pages/fortiweb.html</link><description>octal</description></item>
                <item><title>Decimal</title><link>http://2130706433:%1$d/pages/fortiweb.html</link><description>decimal</description></item>
                <item><title>Direct to inside</title><link>%2$s</link><description>internal host</description></item>
                <item><title>Redirect to inside</title><link>%3$s</link><description>a public host redirects inward</description></item>
                <item><title>Public page</title><link>%4$s</link><description>allowed</description></item>
                </channel></rss>""".formatted(web.port(), inside.url("/secret"), web.url("/redirect"), web.url("/pages/fortiweb.html")));
        return p;
    }

    @AfterEach
    void stopInside() {
        inside.close();
    }

    @Test
    void internalArticleLinksAndRedirectsAreRefusedWhatTheNumberLooksLike() {
        try (LogCapture logs = new LogCapture()) {
            poll();
            assertThat(logs.warnings())
                    .anyMatch(w -> w.contains("169.254.169.254") && w.contains("refused internal address"))
                    .anyMatch(w -> w.contains("0127.0.0.1") && w.contains("refused non-canonical numeric host"))
                    .anyMatch(w -> w.contains("2130706433") && w.contains("refused non-canonical numeric host"))
                    .anyMatch(w -> w.contains(inside.url("/secret")) && w.contains("refused internal address 127.0.0.2"))
                    .anyMatch(w -> w.contains(web.url("/redirect")) && w.contains("refused internal address 127.0.0.2"))
                    // a feed may live on an internal host the operator chose, but its redirect to another host is guarded
                    .anyMatch(w -> w.contains("feed moved failed") && w.contains("refused internal address 127.0.0.2"));
        }
        publish();

        assertThat(inside.requests("/secret")).isEmpty();   // never reached, directly or through the redirect
        assertThat(inside.requests("/feed.rss")).isEmpty();
        assertThat(web.requests("/redirect")).hasSize(1);   // the public hop was made
        assertThat(markdown()).doesNotContain("INTERNAL SECRET PAGE");
        for (var item : digestJson().path("items")) {
            String expected = item.path("url").asText().equals(web.url("/pages/fortiweb.html")) ? "page" : "feed";
            assertThat(item.path("textSource").asText()).as(item.path("url").asText()).isEqualTo(expected);
        }
        assertThat(digestJson().path("items")).hasSize(6);
    }
}
