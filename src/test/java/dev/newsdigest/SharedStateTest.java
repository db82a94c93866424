package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.newsdigest.config.DatabaseSettings;
import dev.newsdigest.support.Fleet;
import dev.newsdigest.support.GeneratedNews;
import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.Postgres;
import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances (three Camel contexts with the real routes) on one PostgreSQL: they poll the same feeds at the same
 * moment, then reach the close at the same moment, ten times over (300 articles). Every article is summarised once, each revision is
 * published once, and its file and its webhook are delivered once; the model limits hold for the fleet.
 */
class SharedStateTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
            new com.icegreen.greenmail.util.ServerSetup(0, "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));

    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 30;
    private static final int INSTANCES = 3;

    @TempDir
    Path work;

    @Test
    void threeInstancesPollAndCloseAtOnceTenTimesOverAndEveryArticleAndDeliveryHappensOnce() throws Exception {
        DatabaseSettings db = Postgres.freshDatabase();
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            model.delay(30); // calls overlap across instances
            GeneratedNews.servePages(web, 0, ROUNDS * PER_ROUND, 0);
            web.serve("/hook", 200, "text/plain", "ok");
            web.serve("/a.rss", 200, "application/rss+xml", GeneratedNews.feed("a", 0, 0, List.of(web), Instant.now()));
            web.serve("/b.rss", 200, "application/rss+xml", GeneratedNews.feed("b", 0, 0, List.of(web), Instant.now()));
            try (Fleet fleet = new Fleet(INSTANCES, work, db, web, model, (i, p) -> {
                p.put("digest.webhook.enabled", "true");
                p.put("digest.webhook.url", web.url("/hook"));
                p.put("digest.mail.enabled", "true");
                p.put("digest.mail.host", "127.0.0.1");
                p.put("digest.mail.port", Integer.toString(smtp.getSmtp().getPort()));
                p.put("digest.mail.from", "digest@example.com");
                p.put("digest.mail.to", "soc@example.com");
            })) {
                for (int round = 0; round < ROUNDS; round++) {
                    // each round the feeds bring new articles: the day's next revision
                    int from = round * PER_ROUND;
                    web.serve("/a.rss", 200, "application/rss+xml",
                            GeneratedNews.feed("a", from, from + PER_ROUND / 2, List.of(web), Instant.now()));
                    web.serve("/b.rss", 200, "application/rss+xml",
                            GeneratedNews.feed("b", from + PER_ROUND / 2, from + PER_ROUND, List.of(web), Instant.now()));
                    fleet.poll();
                    fleet.close(true); // the close, raced
                }
            }

            assertThat(model.articleRequests()).hasSize(ROUNDS * PER_ROUND);
            // the day's lease: one instance writes each revision's overview, the others leave the day to it
            assertThat(model.requests().size() - model.articleRequests().size()).isEqualTo(ROUNDS);
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), null)) {
                assertThat(count(c, "SELECT COUNT(*) FROM article WHERE status = 'DONE' AND revision IS NOT NULL")).isEqualTo(ROUNDS * PER_ROUND);
                assertThat(count(c, "SELECT COUNT(*) FROM digest")).isEqualTo(ROUNDS);
                assertThat(count(c, "SELECT MAX(revision) FROM digest")).isEqualTo(ROUNDS);
                assertThat(count(c, "SELECT COUNT(*) FROM delivery WHERE status = 'SENT'")).isEqualTo(3 * ROUNDS);
            }
            // one email and one webhook per revision, each with its own key
            assertThat(smtp.getReceivedMessages()).hasSize(ROUNDS);
            assertThat(web.requests("/hook")).hasSize(ROUNDS);
            assertThat(web.requests("/hook").stream().map(r -> r.headers().get("idempotency-key")).distinct()).hasSize(ROUNDS);
            long markdownWrites = 0;
            for (int i = 0; i < INSTANCES; i++) {
                Path out = work.resolve("out-" + i);
                if (Files.isDirectory(out)) {
                    try (Stream<Path> files = Files.list(out)) {
                        markdownWrites += files.filter(f -> f.toString().endsWith(".md")).count();
                    }
                }
            }
            assertThat(markdownWrites).isBetween(1L, (long) INSTANCES); // the day's file, rewritten by whichever instance sent a revision
        }
    }

    @Test
    void threeInstancesShareOneLimitOfModelCallsInFlight() throws Exception {
        DatabaseSettings db = Postgres.freshDatabase();
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            model.delay(150);
            GeneratedNews.servePages(web, 0, 24, 0);
            web.serve("/a.rss", 200, "application/rss+xml", GeneratedNews.feed("a", 0, 12, List.of(web), Instant.now()));
            web.serve("/b.rss", 200, "application/rss+xml", GeneratedNews.feed("b", 12, 24, List.of(web), Instant.now()));
            try (Fleet fleet = new Fleet(INSTANCES, work, db, web, model, (i, p) -> {
                p.put("digest.concurrency", "4");
                p.put("digest.llm.max-concurrent", "2"); // per instance this would allow 6 at once
            })) {
                fleet.poll();
            }
            assertThat(model.articleRequests()).hasSize(24);
            assertThat(model.peakInFlight()).isLessThanOrEqualTo(2);
        }
    }

    private static int count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
