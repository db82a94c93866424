package dev.newsdigest.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.support.HostileServer;
import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The jar in a small heap against bodies far larger than the heap. */
class ResourceLimitsIT {
    @TempDir
    Path work;

    private void feeds(WebServer web, String extra) throws Exception {
        web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss");
        Files.writeString(work.resolve("application.properties"), """
                digest.feeds=huge,news
                digest.feed.huge.url=%s
                digest.feed.news.url=%s
                digest.fetch.allow-private-addresses=true
                digest.cve.enabled=false
                digest.max-item-age=36500d
                """.formatted(web.url("/huge.rss"), web.url("/news.rss")) + extra);
    }

    @Test
    void aFeedOfGigabytesUnderA128MbHeapIsCutOffWhileReadingAndTheHealthyFeedIsPublished() throws Exception {
        try (WebServer web = new WebServer()) {
            web.stream("/huge.rss", "application/rss+xml", "<rss version=\"2.0\"><channel><title>", 3L << 29, 64 * 1024, 0); // 1.5 GB
            feeds(web, "");
            JarProcess.Result r = new JarProcess(work).jvm("-Xmx128m").run("--once");

            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stderr()).contains("fetch-feed: feed huge failed: feed is larger than digest.fetch.max-bytes (5242880 bytes)");
            assertThat(web.bytesSent("/huge.rss")).isLessThan(100L << 20);
            String day = r.stdout().lines().filter(l -> l.endsWith(".md")).findFirst().orElseThrow();
            assertThat(Files.readString(work.resolve(day))).contains("FortiWeb", "取得状況: huge 失敗");
        }
    }

    @Test
    void anErrorInAWorkerEndsTheRunWithExitOneAndOneLineInsteadOfHanging() throws Exception {
        try (WebServer web = new WebServer()) {
            // a size cap set far above the heap: the page's bytes fill a 64 MB heap and a worker gets OutOfMemoryError
            web.serve("/huge.rss", 200, "application/rss+xml", """
                    <rss version="2.0"><channel><title>t</title>
                    <item><title>Enormous page</title><link>%s</link><description>d</description></item></channel></rss>"""
                    .formatted(web.url("/enormous.html")));
            web.stream("/enormous.html", "text/html", "<html><body>", 3L << 29, 256 * 1024, 0);
            feeds(web, "digest.fetch.max-bytes=2000000000\ndigest.fetch.timeout=5m\ndigest.llm.item-timeout=10m\n");
            JarProcess run = new JarProcess(work).jvm("-Xmx64m");
            Process p = run.start("--once");
            await().atMost(Duration.ofMinutes(5)).until(() -> !p.isAlive());
            assertThat(p.waitFor(1, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            String stderr = run.stderr();
            assertThat(stderr.lines().filter(l -> l.startsWith("news-digest: fatal error, exiting with 1: java.lang.OutOfMemoryError")))
                    .hasSize(1);
        }
    }

    /** The CVE sources of a run at the hostile server, every healthy one answering "not listed". */
    private void cveAt(HostileServer hostile, WebServer web, String extra) throws Exception {
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news.rss")
                .serveResource("/cve/ant.html", "text/html; charset=utf-8", "fixtures/cve/ant.html")
                .serveResource("/cve/dlink.html", "text/html; charset=utf-8", "fixtures/cve/dlink.html");
        hostile.answer("/kev", 200, "{\"vulnerabilities\":[]}");
        StringBuilder p = new StringBuilder("digest.feeds=news\ndigest.feed.news.url=" + web.url("/cve-news.rss") + "\n"
                + "digest.fetch.allow-private-addresses=true\ndigest.max-item-age=36500d\ndigest.cve.enabled=true\n");
        for (String source : new String[] {"nvd", "record", "kev", "epss", "jvn"}) {
            p.append("digest.cve.").append(source).append(".url=").append(hostile.url("/" + source)).append('\n');
        }
        Files.writeString(work.resolve("application.properties"), p + extra);
    }

    @Test
    void aCveSourceSending200MbUnderA256MbHeapIsCutOffAndTheDayIsPublished() throws Exception {
        try (WebServer web = new WebServer(); HostileServer hostile = new HostileServer()) {
            hostile.hostile("/nvd", HostileServer.Mode.HUGE);
            cveAt(hostile, web, "");
            JarProcess.Result r = new JarProcess(work).jvm("-Xmx256m").run("--once");

            assertThat(r.exitCode()).as(r.stderr()).isZero();
            String day = r.stdout().lines().filter(l -> l.endsWith(".md")).findFirst().orElseThrow();
            assertThat(Files.readString(work.resolve(day))).contains("NVD 失敗（answer larger than digest.cve.max-bytes");
            // NVD's sync page cut off at its 32 MiB, each id's answer at 8 MiB (the rest is what the sockets' buffers hold)
            assertThat(hostile.largestAnswer()).isLessThan(48L << 20);
            assertThat(hostile.hostileRequests()).isBetween(1L, 4L);
        }
    }

    @Test
    void anOutOfMemoryErrorThatARouteWouldCatchEndsTheRunWithExitOneAlsoUnderAJvmHook() throws Exception {
        try (WebServer web = new WebServer(); HostileServer hostile = new HostileServer()) {
            // a cap far above the heap: NVD's 200 MB fill a 64 MB heap inside the CVE route, whose doCatch would take it
            hostile.hostile("/nvd", HostileServer.Mode.HUGE);
            cveAt(hostile, web, "digest.cve.max-bytes=2000000000\ndigest.cve.timeout=5m\ndigest.cve.max-wait=10m\n");
            JarProcess run = new JarProcess(work).jvm("-Xmx64m").jvm("-XX:OnOutOfMemoryError=true");
            Process p = run.start("--once");
            await().atMost(Duration.ofMinutes(5)).until(() -> !p.isAlive());
            assertThat(p.waitFor(1, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(run.stderr()).isEqualTo(1);
            assertThat(run.stderr().lines().filter(l -> l.startsWith("news-digest: fatal error, exiting with 1: java.lang.OutOfMemoryError")))
                    .hasSize(1);
        }
    }

    @Test
    void sigtermWhileACveSourceDripsCutsTheRequestOffInsteadOfWaitingForIt() throws Exception {
        try (WebServer web = new WebServer(); HostileServer hostile = new HostileServer()) {
            hostile.hostile("/nvd", HostileServer.Mode.DRIP);
            cveAt(hostile, web, "digest.cve.timeout=10m\ndigest.cve.nvd.sync.timeout=10m\ndigest.cve.max-wait=10m\n");
            JarProcess run = new JarProcess(work);
            Process p = run.start("--once");
            // NVD's sync, the first request once an item is collected, drips: it is under way
            await().atMost(Duration.ofMinutes(3)).until(() -> hostile.requests() >= 1);
            p.destroy(); // SIGTERM
            await().atMost(Duration.ofMinutes(3)).until(() -> !p.isAlive());
            String log = run.stdout() + run.stderr();
            // Camel's graceful shutdown waited for the stuck exchange until its timeout and then forced it
            assertThat(log).doesNotContain("Forcing shutdown", "not yet shutdown completely");
            assertThat(log).contains("aborted: the process is stopping", "published");
        }
    }
}
