package dev.newsdigest.hardening;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.support.HostileServer;
import dev.newsdigest.support.HostileServer.Mode;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each CVE source answering as a hostile server does (200 MB with no Content-Length, a byte a second, a large body cut
 * off): the day is still published, the source is named as failing with the limit that stopped it, the healthy sources
 * are read (no dead connection reused after a cut-off answer), and no more than a few megabytes beyond the cap were
 * read. NVD is asked for its sync first: a sync that drips marks NVD as unreachable for the run (its ids are not asked
 * one by one), one that is too large leaves the ids to be asked one by one, each cut off in turn; with the sync off, the
 * requests per id are cut off as the other sources' are ({@link HostileNvdWithoutSyncTest}). The timeout is a hang
 * detector, far above what the run takes: nothing here measures speed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileCveSourcesTest extends PipelineTestSupport {
    private final HostileServer hostile = new HostileServer();

    @Override
    protected Properties settings() {
        return hostileSources(super.settings(), web, hostile);
    }

    /** The CVE news feed, and every CVE source at {@code hostile}. */
    static Properties hostileSources(Properties p, dev.newsdigest.support.WebServer web, HostileServer hostile) {
        p.put("digest.feed.news.url", web.url("/cve-news.rss"));
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news.rss")
                .serveResource("/cve/ant.html", "text/html; charset=utf-8", "fixtures/cve/ant.html")
                .serveResource("/cve/dlink.html", "text/html; charset=utf-8", "fixtures/cve/dlink.html");
        p.put("digest.cve.enabled", "true");
        for (String source : new String[] {"nvd", "record", "kev", "epss", "jvn"}) {
            p.put("digest.cve." + source + ".url", hostile.url("/" + source));
        }
        hostile.answer("/kev", 200, "{\"vulnerabilities\":[]}"); // healthy sources: an empty catalog, and "not listed" (404)
        p.put("digest.cve.timeout", "2s");
        p.put("digest.cve.nvd.sync.timeout", "2s");
        p.put("digest.cve.nvd.sync.max-bytes", "1048576");
        return p;
    }

    @AfterEach
    void stopHostile() {
        hostile.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "nvd, HUGE, NVD, digest.cve.max-bytes", "nvd, DRIP, NVD, digest.cve.nvd.sync.timeout", "nvd, CLOSE_AFTER_LARGE, NVD, digest.cve.max-bytes",
        "kev, HUGE, KEV, digest.cve.max-bytes", "kev, DRIP, KEV, digest.cve.timeout", "kev, CLOSE_AFTER_LARGE, KEV, digest.cve.max-bytes",
        "epss, HUGE, EPSS, digest.cve.max-bytes", "epss, DRIP, EPSS, digest.cve.timeout", "epss, CLOSE_AFTER_LARGE, EPSS, digest.cve.max-bytes",
        "jvn, HUGE, JVN, digest.cve.max-bytes", "jvn, DRIP, JVN, digest.cve.timeout", "jvn, CLOSE_AFTER_LARGE, JVN, digest.cve.max-bytes"})
    void aHostileCveSourceIsCutOffAndTheDigestIsPublishedNamingIt(String source, Mode mode, String name, String limit) {
        hostile.hostile("/" + source, mode);

        poll();
        publish();

        publishedNaming(markdown(), name, limit, hostile);
    }

    /** The digest names {@code name} as failing with {@code limit}, the other sources as healthy; no answer read far past its cap. */
    static void publishedNaming(String md, String name, String limit, HostileServer hostile) {
        String status = md.lines().filter(l -> l.contains("CVE情報:")).findFirst().orElseThrow(() -> new AssertionError(md));
        assertThat(status).contains(name + " 失敗").contains(limit);
        for (String healthy : new String[] {"NVD", "KEV", "EPSS", "JVN"}) {
            if (!healthy.equals(name)) {
                assertThat(status).as("a healthy source after the hostile one").contains(healthy + " 正常");
            }
        }
        // no answer was read far past its cap (8 MiB; the rest is what the sockets' buffers hold), and none asked twice: at
        // most NVD's sync and one request per id (three), background lookups and the close together
        assertThat(hostile.largestAnswer()).isLessThan(24L << 20);
        assertThat(hostile.hostileRequests()).isBetween(1L, 4L);
    }
}
