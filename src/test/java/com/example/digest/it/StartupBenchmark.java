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
 * everything. Runs the real jar as a process, plain and with a class-data-sharing archive of the run's own classes;
 * prints each run and the median of {@value #RUNS} for both. Not part of
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
            // the first run fills the state and keeps the ETag; it also writes a class-data-sharing archive of the classes
            // a run loads (JDK 13+), for the second series below
            Path archive = work.resolve("news-digest.jsa");
            JarProcess.Result first = new JarProcess(work).jvm("-XX:ArchiveClassesAtExit=" + archive).run("--once");
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            // the version flag alone: what a JVM and the jar cost before any of the application runs
            long version = time(() -> new JarProcess(work).run("--version"));

            List<Long> plain = series(work, List.of());
            List<Long> shared = series(work, List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1"));
            assertThat(web.hits("/news.rss")).isEqualTo(2 * RUNS + 1);
            System.out.printf("no-op --once (one feed answering 304, offline provider): java -jar: runs %s ms, median %d ms;"
                    + " with -XX:SharedArchiveFile and -XX:TieredStopAtLevel=1: runs %s ms, median %d ms; --version %d ms%n",
                    plain, median(plain), shared, median(shared), version);
        }
    }

    private static List<Long> series(Path work, List<String> jvm) throws Exception {
        List<Long> walls = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            JarProcess process = new JarProcess(work);
            jvm.forEach(process::jvm);
            JarProcess.Result[] r = new JarProcess.Result[1];
            walls.add(time(() -> r[0] = process.run("--once")));
            assertThat(r[0].exitCode()).as(r[0].stderr()).isZero();
            assertThat(r[0].stderr()).contains("not modified (304)").doesNotContain("shared archive");
            assertThat(r[0].stdout()).contains("nothing new to publish");
        }
        return walls;
    }

    private static long median(List<Long> walls) {
        return walls.stream().sorted().toList().get(RUNS / 2);
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
