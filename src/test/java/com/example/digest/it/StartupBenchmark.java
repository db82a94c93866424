package com.example.digest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.example.digest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -B -Pbench verify}: the wall time of a {@code --once} with nothing to do, as a user runs it from cron: one
 * feed that answers 304 (its ETag was kept by the first run), the offline provider, a state folder that already holds
 * everything. Runs the real jar as a process; prints each run and the median of {@value #RUNS}. Not part of
 * {@code mvn verify}: the machines are shared and the figure is measured, not asserted.
 */
class StartupBenchmark {
    private static final int RUNS = 5;

    @TempDir
    Path work;

    @Test
    void aNoOpOnceRunTakesItsMedianWallTime() throws Exception {
        try (WebServer web = new WebServer()) {
            web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss").etag("/news.rss", "\"v1\"");
            Files.writeString(work.resolve("application.properties"), String.join("\n",
                    "digest.feeds=news", "digest.feed.news.url=" + web.url("/news.rss"), "digest.max-item-age=36500d",
                    "digest.fetch.allow-private-addresses=true", ""));
            JarProcess.Result first = new JarProcess(work).run("--once");
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            // the version flag alone: what a JVM and the jar cost before any of the application runs
            long version = time(() -> new JarProcess(work).run("--version"));

            List<Long> walls = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                JarProcess.Result[] r = new JarProcess.Result[1];
                walls.add(time(() -> r[0] = new JarProcess(work).run("--once")));
                assertThat(r[0].exitCode()).as(r[0].stderr()).isZero();
                assertThat(r[0].stderr()).contains("not modified (304)");
                assertThat(r[0].stdout()).contains("nothing new to publish");
            }
            assertThat(web.hits("/news.rss")).isEqualTo(RUNS + 1);
            List<Long> sorted = walls.stream().sorted().toList();
            System.out.printf("no-op --once (one feed answering 304, offline provider): runs %s ms, median %d ms; --version %d ms%n",
                    walls, sorted.get(RUNS / 2), version);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static long time(Run run) throws Exception {
        long t0 = System.nanoTime();
        run.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
