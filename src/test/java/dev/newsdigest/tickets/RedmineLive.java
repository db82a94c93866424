package dev.newsdigest.tickets;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.delivery.Tickets;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.Fixtures;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redmine preset against a real Redmine (Debian's {@code redmine} and {@code redmine-sqlite}, 5.0), started here on
 * a copy of its packaged database: {@code mvn -B -Predmine verify}. Not part of {@code mvn verify}: installing and
 * starting Redmine is outside CI's time. It needs {@code apt-get install redmine redmine-sqlite}, and adds a
 * {@code Gemfile.local} with WEBrick to {@code /usr/share/redmine} (Debian's package runs under Passenger).
 */
class RedmineLive extends PipelineTestSupport {
    private static final Path REDMINE = Path.of("/usr/share/redmine");
    private static final Path PACKAGED_DB = Path.of("/var/lib/dbconfig-common/sqlite3/redmine/instances/default/redmine_default");
    private static Process server;
    private static Path home;
    private static String base;
    private static String key;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final CveSourceServer sources = new CveSourceServer();

    @BeforeAll
    static void startRedmine() throws Exception {
        assertThat(REDMINE.resolve("config.ru")).as("Redmine is installed: apt-get install redmine redmine-sqlite").exists();
        home = Files.createTempDirectory("redmine-live");
        Path db = home.resolve("redmine.sqlite3");
        Files.copy(PACKAGED_DB, db);
        Path local = REDMINE.resolve("Gemfile.local");
        if (!Files.exists(local) || !Files.readString(local).contains("webrick")) {
            Files.writeString(local, "gem \"webrick\"\n");
        }
        List<String> out = rails(db, "runner", "Setting.rest_api_enabled = '1'; p = Project.create!(name: 'SOC', identifier: 'soc');"
                + " p.trackers = Tracker.all; p.enabled_module_names = ['issue_tracking']; p.save!; puts 'KEY=' + User.find_by(login: 'admin').api_key");
        key = out.stream().filter(l -> l.startsWith("KEY=")).map(l -> l.substring(4)).findFirst()
                .orElseThrow(() -> new AssertionError("no API key from Redmine: " + out));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        ProcessBuilder pb = new ProcessBuilder("ruby", "bin/rails", "server", "-u", "webrick", "-e", "production", "-b", "127.0.0.1",
                "-p", Integer.toString(port), "-P", home.resolve("server.pid").toString());
        pb.directory(REDMINE.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
        pb.environment().put("DATABASE_URL", "sqlite3:" + db);
        pb.environment().put("RAILS_ENV", "production");
        server = pb.start();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get("/issues.json?project_id=soc").path("issues").isArray());
    }

    private static List<String> rails(Path db, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ruby", "bin/rails"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(REDMINE.toFile()).redirectErrorStream(true);
        pb.environment().put("DATABASE_URL", "sqlite3:" + db);
        pb.environment().put("RAILS_ENV", "production");
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Redmine-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @AfterAll
    static void stopRedmine() {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
        }
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        TicketChannelContract.twoActions(p, web, sources);
        p.put("digest.tickets.mode", "per-action");
        p.put("digest.tickets.preset", "redmine");
        p.put("digest.tickets.url", base);
        p.put("digest.tickets.project", "soc");
        p.put("digest.tickets.token", key);
        p.put("digest.tickets.timeout", "30s");
        return p;
    }

    @AfterEach
    void stopSources() {
        sources.close();
    }

    private List<JsonNode> issuesOf(String storyPath) throws Exception {
        String marker = context.getRegistry().lookupByNameAndType("tickets", Tickets.class).marker(web.url(storyPath));
        List<JsonNode> found = new ArrayList<>();
        get("/issues.json?project_id=soc&status_id=*&limit=100").path("issues").forEach(i -> {
            if (i.path("subject").asText().contains(marker)) {
                found.add(i);
            }
        });
        return found;
    }

    private List<String> notesOf(JsonNode issue) throws Exception {
        List<String> notes = new ArrayList<>();
        get("/issues/" + issue.path("id").asInt() + ".json?include=journals").path("issue").path("journals")
                .forEach(j -> notes.add(j.path("notes").asText()));
        return notes;
    }

    @Test
    void aFirstRunOpensATicketPerActionAndAnUpdateToOneStoryAddsANoteToItsTicketAndOpensNothing() throws Exception {
        poll();
        publish();

        List<JsonNode> simpleHelp = issuesOf("/cve/ant.html");
        List<JsonNode> dlink = issuesOf("/cve/dlink.html");
        System.out.printf("redmine-live: first run: %d ticket(s) for the SimpleHelp story, %d for the D-Link story: %s / %s%n",
                simpleHelp.size(), dlink.size(), simpleHelp.get(0).path("subject").asText(), dlink.get(0).path("subject").asText());
        assertThat(simpleHelp).hasSize(1);
        assertThat(dlink).hasSize(1);
        assertThat(dlink.get(0).path("description").asText()).contains("CVE-2015-2051 — CVSS 8.8 (HIGH, CISA-ADP v3.1)");

        // a day later: the D-Link flaw's EPSS moved and a third article arrives, so the day is published again
        sources.answer("epss", Fixtures.text("enrichment/epss-api-answer.json").replace("0.97224", "0.51234").getBytes(StandardCharsets.UTF_8));
        try (var c = stateDatabase(); PreparedStatement u = c.prepareStatement("UPDATE cve_source SET checked_at = ? WHERE source = 'epss'")) {
            u.setTimestamp(1, Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS)));
            u.executeUpdate();
        }
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news2.rss");
        poll();
        publish();

        List<String> dlinkNotes = notesOf(issuesOf("/cve/dlink.html").get(0));
        List<String> simpleHelpNotes = notesOf(issuesOf("/cve/ant.html").get(0));
        System.out.printf("redmine-live: second run: %d ticket(s) for the two stories; D-Link ticket notes: %d (%s); SimpleHelp ticket notes: %d%n",
                issuesOf("/cve/ant.html").size() + issuesOf("/cve/dlink.html").size(), dlinkNotes.size(),
                dlinkNotes.isEmpty() ? "" : dlinkNotes.get(0).lines().findFirst().orElse(""), simpleHelpNotes.size());
        assertThat(issuesOf("/cve/ant.html")).hasSize(1);
        assertThat(issuesOf("/cve/dlink.html")).hasSize(1);
        assertThat(dlinkNotes).singleElement().asString().contains("r2", "EPSS 0.51");
        assertThat(simpleHelpNotes).isEmpty();
    }

    @Test
    void aRunKilledBetweenThePostAndRecordingTheIdOpensNoDuplicate() throws Exception {
        poll();
        publish();
        int before = get("/issues.json?project_id=soc&status_id=*").path("total_count").asInt();
        // what a kill between Redmine's answer and the record leaves: the tickets exist, the state knows none of them
        try (var c = stateDatabase(); var s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM ticket")).isEqualTo(2);
        }
        StateStore store = context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
        store.scheduleResend(store.lastPublished().day(), List.of("tickets"));
        template.sendBody("direct:deliver-pending", null);

        int after = get("/issues.json?project_id=soc&status_id=*").path("total_count").asInt();
        System.out.printf("redmine-live: after a lost record and a resend: %d ticket(s) before, %d after; ids recorded again: %s, %s%n",
                before, after, store.tickets().get(web.url("/cve/ant.html")), store.tickets().get(web.url("/cve/dlink.html")));
        assertThat(after).isEqualTo(before);
        assertThat(store.tickets().get(web.url("/cve/ant.html")).id()).isEqualTo(issuesOf("/cve/ant.html").get(0).path("id").asText());
    }
}
