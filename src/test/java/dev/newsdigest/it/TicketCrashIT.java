package dev.newsdigest.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.Fixtures;
import dev.newsdigest.support.TicketSystems;
import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar killed (SIGKILL) between a ticket system's answer and the recording of it: after the next run there is
 * exactly one ticket per story, and at most one note per change. The emulator makes the ticket (adds the note), sends
 * its whole answer and never ends it, so the process is certainly past the request and before the record when killed.
 */
class TicketCrashIT {
    @TempDir
    Path work;

    private void configure(WebServer web, CveSourceServer sources, TicketSystems system) throws Exception {
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news.rss")
                .serveResource("/cve/ant.html", "text/html; charset=utf-8", "fixtures/cve/ant.html")
                .serveResource("/cve/dlink.html", "text/html; charset=utf-8", "fixtures/cve/dlink.html")
                .serveResource("/cve/loader.html", "text/html; charset=utf-8", "fixtures/pages/loader.html");
        java.util.Properties cve = new java.util.Properties();
        sources.configure(cve);
        StringBuilder p = new StringBuilder("""
                digest.feeds=news
                digest.feed.news.url=%s
                digest.fetch.allow-private-addresses=true
                digest.max-item-age=36500d
                digest.watchlist=SimpleHelp, DIR-645
                digest.cve.epss.max-age=1s
                digest.tickets.mode=per-action
                digest.tickets.preset=redmine
                digest.tickets.url=%s
                digest.tickets.project=security
                digest.tickets.timeout=5m
                """.formatted(web.url("/cve-news.rss"), system.base()));
        cve.forEach((k, v) -> p.append(k).append('=').append(v).append('\n'));
        Files.writeString(work.resolve("application.properties"), p);
    }

    private JarProcess jar() {
        return new JarProcess(work).env("DIGEST_TICKETS_TOKEN", "redmine-key");
    }

    private void killWhileHeld(TicketSystems system, String method) throws Exception {
        system.holdAfterAnswering(method);
        Process p = jar().start("--once");
        await().atMost(Duration.ofMinutes(3)).until(() -> system.holding() || !p.isAlive());
        assertThat(system.holding()).as("the run reached the held request").isTrue();
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void killedBetweenTheAnswerAndItsRecordTheNextRunLeavesOneTicketPerStoryAndOneNotePerChange() throws Exception {
        try (WebServer web = new WebServer(); CveSourceServer sources = new CveSourceServer();
             TicketSystems system = new TicketSystems(TicketSystems.Kind.REDMINE, "security", "redmine-key")) {
            configure(web, sources, system);

            killWhileHeld(system, "POST"); // the first ticket is made, its id never recorded
            assertThat(system.tickets()).hasSize(1);
            JarProcess.Result again = jar().run("--once");
            assertThat(again.exitCode()).as(again.stderr()).isZero();
            assertThat(system.tickets()).hasSize(2);
            assertThat(system.tickets().stream().map(t -> t.subject().replaceAll(".*\\[(digest:[0-9a-f]+)]$", "$1")).distinct()).hasSize(2);

            // a day later the D-Link flaw's EPSS moves and a third article arrives: the day is published again, with a note
            sources.answer("epss", Fixtures.text("enrichment/epss-api-answer.json").replace("0.97224", "0.51234").getBytes(StandardCharsets.UTF_8));
            web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news2.rss");
            killWhileHeld(system, "PUT"); // the note is added, the run killed before it records it
            JarProcess.Result last = jar().run("--once");
            assertThat(last.exitCode()).as(last.stderr()).isZero();

            assertThat(system.tickets()).hasSize(2);
            assertThat(system.tickets()).allSatisfy(t -> assertThat(t.notes()).hasSizeLessThanOrEqualTo(1));
            assertThat(system.tickets()).anySatisfy(t -> assertThat(t.notes()).singleElement().asString().contains("EPSS 0.51"));
            assertThat(system.refused()).isEmpty();
        }
    }
}
