package dev.newsdigest.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The jar killed at random moments, stopped with SIGTERM, and facing an unwritable output folder. */
class CrashSafetyIT {
    private static final int ARTICLES = 10;
    private static final int KILLS = 20;
    @TempDir
    Path work;
    private final ObjectMapper json = new ObjectMapper();

    private void serveNews(WebServer web) {
        serveNews(web, ARTICLES);
    }

    /** The feed with {@code count} stories, each with its page. */
    private void serveNews(WebServer web, int count) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            items.append("<item><title>Story number ").append(i).append("</title><link>").append(web.url("/pages/" + i + ".html"))
                    .append("</link><description>Description of story ").append(i).append(".</description></item>");
            web.serve("/pages/" + i + ".html", 200, "text/html; charset=utf-8", "<html><body><article><p>"
                    + ("Story " + i + " tells of an attack from 203.0.113." + i + " against a hospital. ").repeat(8) + "</p></article></body></html>");
        }
        web.serve("/news.rss", 200, "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>");
        web.serve("/hook", 200, "text/plain", "ok");
    }

    private void configure(WebServer web, OpenAiStub model, String extra) throws Exception {
        Files.writeString(work.resolve("application.properties"), """
                digest.feeds=news
                digest.feed.news.url=%s
                digest.llm.provider=openai
                digest.llm.base-url=%s
                digest.llm.model=stub-model
                digest.fetch.allow-private-addresses=true
                digest.cve.enabled=false
                digest.webhook.enabled=true
                digest.webhook.url=%s
                digest.file.backoff=10ms
                """.formatted(web.url("/news.rss"), model.baseUrl(), web.url("/hook")) + extra);
    }

    @Test
    void killedTwentyTimesAtRandomMomentsThenRunToCompletionEveryArticleAppearsOnceAndNoDeliveryIsLost() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            serveNews(web);
            model.delay(300);
            configure(web, model, "");

            int killed = 0;
            int stories = ARTICLES;
            for (int i = 0; i < KILLS; i++) {
                if (i % 4 == 3) {
                    serveNews(web, ++stories); // news keeps coming: later runs publish further revisions
                }
                int modelCalls = model.requests().size();
                int hooks = web.requests("/hook").size();
                // a random moment, chosen by what the run has done rather than by the clock
                JarProcess run = new JarProcess(work);
                BooleanSupplier moment = switch (random.nextInt(5)) {
                    case 0 -> () -> true;                                                                    // while starting
                    case 1 -> { int n = 1 + random.nextInt(ARTICLES); yield () -> model.requests().size() >= modelCalls + n; } // mid-summaries
                    case 2 -> () -> web.requests("/pages/" + (1 + random.nextInt(ARTICLES)) + ".html").size() > 0;      // mid-enrichment
                    case 3 -> () -> run.stderr().contains("publish-day: published");                         // published, not yet delivered
                    default -> () -> web.requests("/hook").size() > hooks;                                   // mid-delivery
                };
                Process p = run.start("--once");
                await().atMost(Duration.ofMinutes(1)).until(() -> moment.getAsBoolean() || !p.isAlive());
                if (p.isAlive()) {
                    p.destroyForcibly(); // SIGKILL
                    killed++;
                }
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            JarProcess.Result last = new JarProcess(work).run("--once");
            assertThat(last.exitCode()).as("seed " + seed + ": " + last.stderr()).isZero();

            Map<String, Integer> keys = assertEveryStoryOnceAndEveryRevisionDelivered(web, stories, "seed " + seed);
            int revisions = latestDigest().path("revision").asInt();
            assertThat(keys).as("seed " + seed).hasSize(revisions);
            // and a further run finds nothing to do and sends nothing again
            int before = web.requests("/hook").size();
            JarProcess.Result again = new JarProcess(work).run("--once");
            assertThat(again.exitCode()).isZero();
            assertThat(web.requests("/hook")).hasSize(before);
            System.out.printf("crash test: seed %d, %d of %d runs killed, %d revision(s), %d webhook request(s) for %d key(s)%n",
                    seed, killed, KILLS, revisions, before, keys.size());
        }
    }

    /**
     * The probe's reproduction of lost articles: the feed answers with an ETag and does not change afterwards, so the run
     * after the kill gets 304 and parses nothing. Whatever the first run had recorded must still be processed, from the
     * state, and published once. One kill point per case, chosen by what the run has done.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"start", "mid-enrichment", "mid-model", "mid-publish", "mid-delivery"})
    void killedAtOnePointWithTheFeedUnchangedAfterwardsTheNextRunPublishesEveryArticleOnce(String point) throws Exception {
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            serveNews(web);
            web.etag("/news.rss", "\"v1\"");
            model.delay(300);
            configure(web, model, "");
            JarProcess run = new JarProcess(work);
            BooleanSupplier moment = switch (point) {
                case "start" -> () -> true;
                case "mid-enrichment" -> () -> web.requests("/pages/3.html").size() > 0;
                case "mid-model" -> () -> model.requests().size() >= 1;
                case "mid-publish" -> () -> model.requests().size() > ARTICLES; // the day's overview is being written
                default -> () -> web.requests("/hook").size() > 0;
            };
            Process p = run.start("--once");
            await().atMost(Duration.ofMinutes(2)).until(() -> moment.getAsBoolean() || !p.isAlive());
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            model.delay(0);
            JarProcess.Result next = new JarProcess(work).run("--once");
            assertThat(next.exitCode()).as(next.stderr()).isZero();
            if (web.requests("/news.rss").size() > 1 && !point.equals("start")) {
                // the kill came after the answer was recorded: the next poll was conditional and the feed said 304
                assertThat(web.requests("/news.rss").get(1).headers()).containsEntry("if-none-match", "\"v1\"");
            }
            assertEveryStoryOnceAndEveryRevisionDelivered(web, ARTICLES, point);
        }
    }

    /**
     * Shared state on PostgreSQL: an instance killed with SIGKILL while its claims are held (mid-model) has them taken
     * over by another instance once their lease has run out, on the database clock, and every article is published once.
     */
    @Test
    void aKilledInstanceOnPostgresHasItsClaimsTakenOverAfterTheLeaseAndEveryArticleIsPublishedOnce() throws Exception {
        dev.newsdigest.config.DatabaseSettings db = dev.newsdigest.support.Postgres.freshDatabase();
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            serveNews(web);
            model.delay(3000);
            configure(web, model, "digest.db.url=%s\ndigest.db.user=%s\ndigest.state.lease=3s\n".formatted(db.url(), db.user()));
            Process killed = new JarProcess(work).start("--once");
            await().atMost(Duration.ofMinutes(2)).until(() -> model.requests().size() >= 1 || !killed.isAlive());
            killed.destroyForcibly(); // SIGKILL, its claims held
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), null)) {
                assertThat(claims(c, "")).isPositive();
                // no lock file to clear, no start-up release on PostgreSQL: the leases run out on the database clock
                await().atMost(Duration.ofMinutes(1)).until(() -> claims(c, " AND lease_until > CURRENT_TIMESTAMP") == 0);
            }

            model.delay(0);
            JarProcess.Result other = new JarProcess(work).run("--once"); // another instance
            assertThat(other.exitCode()).as(other.stderr()).isZero();
            assertEveryStoryOnceAndEveryRevisionDelivered(web, ARTICLES, "postgres");
        }
    }

    private static int claims(java.sql.Connection c, String condition) throws java.sql.SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM article WHERE status = 'CLAIMED'" + condition)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void sigtermStopsARunWithin30SecondsAndTheNextRunLosesNothing() throws Exception {
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            serveNews(web);
            model.delay(3000);
            configure(web, model, "");
            Process p = new JarProcess(work).start("--once");
            await().atMost(Duration.ofMinutes(1)).until(() -> !model.requests().isEmpty());
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            model.delay(0);
            JarProcess.Result next = new JarProcess(work).run("--once");
            assertThat(next.exitCode()).as(next.stderr()).isZero();
            assertThat(latestDigest().path("items")).hasSize(ARTICLES);
        }
    }

    @Test
    void anUnwritableOutputFolderIsAClearErrorAndTheCollectedItemsSurvive() throws Exception {
        try (WebServer web = new WebServer(); OpenAiStub model = new OpenAiStub()) {
            serveNews(web);
            Files.writeString(work.resolve("blocker"), "a file where the output folder should be");
            configure(web, model, "digest.output.dir=blocker/digests\n");

            JarProcess.Result failed = new JarProcess(work).run("--once");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.stderr()).contains("deliver-file:", "failed", "blocker");
            assertThat(web.requests("/hook")).hasSize(1); // the other channel still delivered

            Files.delete(work.resolve("blocker"));
            JarProcess.Result fixed = new JarProcess(work).run("--once");
            assertThat(fixed.exitCode()).as(fixed.stderr()).isZero();
            assertThat(fixed.stdout()).contains("blocker/digests/");
            assertThat(model.articleRequests()).hasSize(ARTICLES); // nothing was summarised twice
        }
    }

    @Test
    void anUnusableStateFolderIsOneClearLine() throws Exception {
        Files.writeString(work.resolve("not-a-folder"), "x");
        JarProcess.Result r = new JarProcess(work).jvm("-Ddigest.state.dir=not-a-folder/state").run("--once");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).containsPattern("(?m)^news-digest: cannot use the state folder .*not-a-folder/state: a file is in the way .*$")
                .doesNotContain("\tat ", "Exception in thread");
    }

    /**
     * The latest digest lists each of the {@code stories} once, and every published revision reached the webhook under
     * its own key. Returns the webhook requests per key.
     */
    private Map<String, Integer> assertEveryStoryOnceAndEveryRevisionDelivered(WebServer web, int stories, String label) throws Exception {
        JsonNode digest = latestDigest();
        String md = Files.readString(work.resolve("digests/" + digest.path("date").asText() + ".md"), StandardCharsets.UTF_8);
        for (int i = 1; i <= stories; i++) {
            String url = web.url("/pages/" + i + ".html") + "\n";
            assertThat(md.split(java.util.regex.Pattern.quote(url), -1).length - 1).as("%s, story %d", label, i).isEqualTo(1);
        }
        assertThat(digest.path("items")).hasSize(stories);
        Map<String, Integer> keys = new TreeMap<>();
        web.requests("/hook").forEach(r -> keys.merge(r.headers().get("idempotency-key"), 1, Integer::sum));
        for (int r = 1; r <= digest.path("revision").asInt(); r++) {
            assertThat(keys).as(label).containsKey(digest.path("date").asText() + "-r" + r);
        }
        return keys;
    }

    private JsonNode latestDigest() throws Exception {
        try (var files = Files.list(work.resolve("digests"))) {
            Path file = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".stix.json")).sorted().reduce((a, b) -> b).orElseThrow();
            return json.readTree(file.toFile());
        }
    }
}
