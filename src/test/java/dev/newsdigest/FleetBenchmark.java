package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.support.Fleet;
import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.Postgres;
import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -B -Pbench verify}: 1, 2 and 4 instances on one PostgreSQL, 400 articles, the model answering after
 * 500 ms, {@code digest.concurrency} 4 per instance and no fleet limit that binds. Prints wall time, articles per second,
 * the speed-up against one instance and the duplicates (model calls beyond one per article), which must be 0.
 */
class FleetBenchmark {
    private static final int ARTICLES = Integer.getInteger("bench.fleet.articles", 400);
    private static final int LATENCY = Integer.getInteger("bench.fleet.latency", 500);

    @TempDir
    Path work;

    @Test
    void oneTwoAndFourInstancesShareTheWork() throws Exception {
        long single = 0;
        for (int instances : new int[] {1, 2, 4}) {
            long millis = run(instances, work.resolve("fleet-" + instances));
            single = instances == 1 ? millis : single;
            System.out.printf("fleet of %d: %d articles in %d ms, %.1f articles/s, speed-up %.2f against one instance%n",
                    instances, ARTICLES, millis, ARTICLES * 1000.0 / millis, single / (double) millis);
        }
    }

    private long run(int instances, Path dir) throws Exception {
        Files.createDirectories(dir);
        DatabaseSettings db = Postgres.freshDatabase();
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            model.delay(LATENCY);
            GeneratedNews.servePages(web, 0, ARTICLES, 0);
            web.serve("/a.rss", 200, "application/rss+xml", GeneratedNews.feed("a", 0, ARTICLES / 2, List.of(web), Instant.now()));
            web.serve("/b.rss", 200, "application/rss+xml", GeneratedNews.feed("b", ARTICLES / 2, ARTICLES, List.of(web), Instant.now()));
            try (Fleet fleet = new Fleet(instances, dir, db, web, model, (i, p) -> {
                p.put("digest.concurrency", "4");
                p.put("digest.llm.max-concurrent", "64"); // the fleet's limit does not bind here
                p.put("digest.feed.max-new-per-poll", String.valueOf(ARTICLES)); // one poll takes every article, as the figures assume
            })) {
                long t0 = System.nanoTime();
                fleet.poll();
                long millis = (System.nanoTime() - t0) / 1_000_000;
                int duplicates = model.articleRequests().size() - ARTICLES;
                System.out.printf("fleet of %d: model calls %d, duplicates %d%n", instances, model.articleRequests().size(), duplicates);
                assertThat(duplicates).isZero();
                return millis;
            }
        }
    }
}
