package dev.newsdigest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import dev.newsdigest.publish.DigestPublisher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the real routes and beans (Camel Main with the shipped application.properties) against a local web server
 * for feeds and pages and a local OpenAI-compatible stub for the model. Timers and cron are off; tests drive
 * {@code direct:poll-feeds} and {@code direct:publish-day} the way {@code --once} does.
 */
public abstract class PipelineTestSupport extends CamelMainTestSupport {
    protected final WebServer web = new WebServer();
    protected final OpenAiStub model = new OpenAiStub();
    protected final Path work = tempDir();
    protected final ObjectMapper json = new ObjectMapper();

    protected PipelineTestSupport() {
        web.serveResource("/news.rss", "application/rss+xml; charset=utf-8", "fixtures/news.rss")
                .serveResource("/incidents.rdf", "application/rdf+xml; charset=utf-8", "fixtures/incidents.rdf")
                .serveResource("/news.atom", "application/atom+xml", "fixtures/news.atom")
                .serveResource("/pages/fortiweb.html", "text/html; charset=utf-8", "fixtures/pages/fortiweb.html")
                .serveResource("/pages/loader.html", "text/html; charset=utf-8", "fixtures/pages/loader.html")
                .serveResource("/pages/ivanti.html", "text/html; charset=utf-8", "fixtures/pages/loader.html");
        // /pages/gone.html is not served: a dead page
    }

    /**
     * Serves a second news feed, {@code actors}, with one ransomware story (actors, a malware family, a victim, a CVE and
     * indicators), and adds it to {@code p}'s feeds: the story the threat-intelligence tests read back.
     */
    protected Properties withActorsFeed(Properties p) {
        web.serveResource("/actors.rss", "application/rss+xml; charset=utf-8", "fixtures/actors.rss")
                .serveResource("/pages/lockbit.html", "text/html; charset=utf-8", "fixtures/pages/lockbit.html");
        p.put("digest.feeds", "news,actors");
        p.put("digest.feed.actors.url", web.url("/actors.rss"));
        p.put("digest.feed.actors.section", "news");
        return p;
    }

    /**
     * A second outlet tells the actors feed's LockBit story (same CVE, same victim), at {@code ?outlet=2} of the same
     * page: the next poll and publish make the day's revision 2 with one more source on that story.
     */
    protected void tellTheActorsStoryFromASecondOutlet() {
        web.serve("/actors.rss", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                <item><title>Scattered Spider affiliate deploys LockBit against Example Corp</title><link>%s</link>
                <pubDate>Tue, 24 Nov 2026 11:00:00 GMT</pubDate><description>again</description></item>
                </channel></rss>""".formatted(web.url("/pages/lockbit.html?outlet=2")));
    }

    /** The settings of every pipeline test; subclasses add or replace keys. */
    protected Properties settings() {
        Properties p = new Properties();
        p.put("digest.daemon", "false");
        p.put("camel.management.enabled", "false");
        p.put("digest.taxii.enabled", "false"); // the TAXII tests start it, each on a port of its own
        p.put("digest.feeds", "news,incidents");
        p.put("digest.feed.news.url", web.url("/news.rss"));
        p.put("digest.feed.news.section", "news");
        p.put("digest.feed.incidents.url", web.url("/incidents.rdf"));
        p.put("digest.feed.incidents.section", "incidents");
        p.put("digest.feed.incidents.include", "ランサム|流出|漏洩");
        p.put("digest.llm.provider", "openai");
        p.put("digest.llm.base-url", model.baseUrl());
        p.put("digest.llm.model", "stub-model");
        p.put("digest.llm.retries", "1");
        p.put("digest.llm.retry-delay", "10");
        p.put("digest.fetch.allow-private-addresses", "true");
        p.put("digest.cve.enabled", "false"); // CveContextTest turns it on, against local sources

        p.put("digest.fetch.timeout", "5s");
        p.put("digest.max-item-age", "36500d");
        p.put("digest.state.dir", work.resolve("state").toString());
        p.put("digest.output.dir", work.resolve("out").toString());
        if ("postgres".equals(System.getProperty("digest.test.database"))) {
            // mvn -Pstate-postgres: the same route tests with their state on a real PostgreSQL
            sharedDatabase = Postgres.freshDatabase();
            p.put("digest.db.url", sharedDatabase.url());
            p.put("digest.db.user", sharedDatabase.user());
        }
        return p;
    }

    /** The PostgreSQL database of the state under -Pstate-postgres; null: the embedded one. */
    private dev.newsdigest.config.DatabaseSettings sharedDatabase;

    /** A connection to the state's database, whichever it is, for a test that changes the state behind the routes' back. */
    protected java.sql.Connection stateDatabase() throws java.sql.SQLException {
        return sharedDatabase != null ? java.sql.DriverManager.getConnection(sharedDatabase.url(), sharedDatabase.user(), null)
                : java.sql.DriverManager.getConnection("jdbc:h2:file:" + work.resolve("state/digest") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "digest", "");
    }

    // set from the superclass constructor, before this class's fields exist: no initializer, filled in doPreSetup
    private Properties overrides;

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        overrides = new Properties();
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        overrides.putAll(settings());
    }

    @AfterEach
    void stopServers() {
        web.close();
        model.close();
    }

    protected void poll() {
        template.sendBody("direct:poll-feeds", null);
    }

    /** Publishes every day with unpublished items and delivers what is pending, as {@code --once} does. */
    protected void publish() {
        DigestPublisher publisher = context.getRegistry().lookupByNameAndType("digestPublisher", DigestPublisher.class);
        for (LocalDate day : publisher.allPendingDays()) {
            template.sendBody("direct:publish-day", day);
        }
        template.sendBody("direct:deliver-pending", null);
    }

    protected List<Path> outputFiles(String extension) {
        Path out = work.resolve("out");
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            // files, not the site/ and misp/ folders; the digest's .json, not its STIX bundle (.stix.json), unless that is asked for
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(extension) && (extension.endsWith(".stix.json") || !f.toString().endsWith(".stix.json")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String markdown() {
        List<Path> files = outputFiles(".md");
        if (files.size() != 1) {
            throw new AssertionError("expected one Markdown digest, found " + files);
        }
        return read(files.get(0));
    }

    protected JsonNode digestJson() {
        List<Path> files = outputFiles(".json");
        if (files.size() != 1) {
            throw new AssertionError("expected one JSON digest, found " + files);
        }
        try {
            return json.readTree(files.get(0).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("digest-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
