package dev.newsdigest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdigest.site.ArchiveSite;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Ports;
import dev.newsdigest.support.TaxiiClient;
import dev.newsdigest.support.TaxiiClient.Answer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The archive site as the real routes write it (feeds, pages, the model stub, the publish step, the file channel) and
 * as the continuous mode's server serves it: behind the same access check as the TAXII collection, the files the
 * channel wrote byte for byte, with the site's policy as a header, and nothing outside the site's own files.
 */
class SiteServerTest extends PipelineTestSupport {
    private static final String TOKEN = "site-token-for-the-test";

    private final int port = Ports.freeOutsideEphemeralRange();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.taxii.enabled", "true");
        p.put("digest.taxii.port", Integer.toString(port));
        p.put("digest.taxii.token", TOKEN);
        p.put("digest.taxii.user", "reader");
        p.put("digest.taxii.password", "correct horse");
        return p;
    }

    private Path site() {
        return work.resolve("out/site");
    }

    @Test
    void aPublishedDayIsInTheArchiveAndTheServerServesTheFilesTheChannelWroteBehindTheAccessCheck() throws Exception {
        poll();
        publish();
        JsonNode digest = digestJson();
        String day = digest.path("date").asText();
        Document index = Jsoup.parse(site().resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("table.days tbody tr th a").eachAttr("href")).containsExactly(day + ".html");
        assertThat(index.select("table.days tbody tr td").get(2).text()).isEqualTo(Integer.toString(digest.path("items").size()));
        Document page = Jsoup.parse(site().resolve(day + ".html").toFile(), "UTF-8");
        for (JsonNode item : digest.path("items")) {
            assertThat(page.select("h3").eachText()).anySatisfy(h -> assertThat(h).endsWith(item.path("title").asText()));
        }
        assertThat(Files.readString(site().resolve("search-index.js"))).contains(digest.path("items").get(0).path("title").asText());
        try (Stream<Path> files = Files.walk(site())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left").noneMatch(n -> n.startsWith("."));
        }

        TaxiiClient anonymous = TaxiiClient.of("http://127.0.0.1:" + port);
        TaxiiClient reader = TaxiiClient.of("http://127.0.0.1:" + port).basic("reader", "correct horse");
        assertThat(anonymous.get("/site/").status()).isEqualTo(401);
        assertThat(anonymous.get("/site/").header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
        assertThat(TaxiiClient.of("http://127.0.0.1:" + port).basic("reader", "wrong").get("/site/index.html").status()).isEqualTo(401);

        Answer home = reader.get("/site/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(home.text()).isEqualTo(Files.readString(site().resolve("index.html"), StandardCharsets.UTF_8));
        assertThat(home.header("Content-Security-Policy")).hasValue(ArchiveSite.CSP + "; frame-ancestors 'none'");
        assertThat(home.header("X-Content-Type-Options")).hasValue("nosniff");
        for (String name : List.of(day + ".html", "search.html", "search.js", "search-index.js", "site.css", "feed.atom")) {
            Answer file = TaxiiClient.of("http://127.0.0.1:" + port).bearer(TOKEN).get("/site/" + name);
            assertThat(file.status()).as(name).isEqualTo(200);
            assertThat(file.text()).as(name).isEqualTo(Files.readString(site().resolve(name), StandardCharsets.UTF_8));
        }
        assertThat(reader.get("/site/search.js").contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(reader.get("/site/feed.atom").contentType()).isEqualTo("application/atom+xml");

        Answer bare = reader.get("/site");
        assertThat(bare.status()).isEqualTo(301);
        assertThat(bare.header("Location")).hasValue("/site/");
        // nothing but the site's own files: no way up, no temporary file, no other kind of file, no other method
        Files.writeString(site().resolve(".index.html.tmp"), "half written");
        Files.writeString(site().resolve("notes.txt"), "not the site's");
        for (String path : List.of("/site/../state/digest.mv.db", "/site/%2e%2e/state/digest.mv.db", "/site/..%2F..%2Fetc%2Fpasswd",
                "/site/.index.html.tmp", "/site/notes.txt", "/site/stories/", "/site/stories/s-000000000000.html", "/site/index.html/")) {
            assertThat(reader.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(reader.send("POST", "/site/index.html", HttpRequest.BodyPublishers.ofString("x")).status()).isEqualTo(405);
    }

    /** What retention removed from the state does not stay readable in the site; nothing but the site's pages is touched. */
    @Test
    void aDeliveryRemovesThePagesOfDaysAndStoriesTheSiteNoLongerHasAndNothingElse() throws Exception {
        Files.createDirectories(site().resolve("stories"));
        Path oldDay = Files.writeString(site().resolve("2020-01-01.html"), "a day pruned from the state");
        Path oldStory = Files.writeString(site().resolve("stories/s-000000000000.html"), "a story no longer told");
        Path notes = Files.writeString(site().resolve("notes.txt"), "the operator's");
        Path draft = Files.writeString(site().resolve("2020-01-01.draft.html"), "not a page of the site's form");
        poll();
        publish();

        assertThat(site().resolve(digestJson().path("date").asText() + ".html")).isNotEmptyFile();
        assertThat(oldDay).doesNotExist();
        assertThat(oldStory).doesNotExist();
        assertThat(notes).exists();
        assertThat(draft).exists();
    }
}
