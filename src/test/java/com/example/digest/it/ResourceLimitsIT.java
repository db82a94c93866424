package com.example.digest.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.example.digest.support.WebServer;
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
}
