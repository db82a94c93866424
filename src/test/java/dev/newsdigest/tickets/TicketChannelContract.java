package dev.newsdigest.tickets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.Fixtures;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.TicketSystems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket channel through the real routes against a local ticketing system that checks every request as the real
 * API would: one ticket per 課題 entry, a note for a story with something new, nothing for one without, no second
 * ticket when an answer is lost, per-ticket retries and dead letters, and resend. Each preset runs the same contract.
 */
abstract class TicketChannelContract extends PipelineTestSupport {
    static final String SIMPLEHELP_STORY = "/cve/ant.html";
    static final String DLINK_STORY = "/cve/dlink.html";

    final CveSourceServer sources = new CveSourceServer();
    final TicketSystems system = system();

    abstract TicketSystems system();

    abstract String preset();

    abstract String project();

    abstract String token();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        twoActions(p, web, sources);
        p.put("digest.tickets.mode", "per-action");
        p.put("digest.tickets.preset", preset());
        p.put("digest.tickets.url", system.base());
        p.put("digest.tickets.project", project());
        p.put("digest.tickets.token", token());
        p.put("digest.tickets.backoff", "10ms");
        p.put("digest.tickets.max-attempts", "3");
        p.put("digest.tickets.timeout", "1s");
        p.put("digest.tlp", "AMBER");
        return p;
    }

    /**
     * The news feed of the SimpleHelp and D-Link stories (and a third article for a later run), the CVE sources, and a
     * watchlist that makes two 課題 entries: the SimpleHelp story (ours, in KEV) and the D-Link story (ours, and the
     * model asks for action).
     */
    static void twoActions(Properties p, dev.newsdigest.support.WebServer web, CveSourceServer sources) {
        p.put("digest.feed.news.url", web.url("/cve-news.rss"));
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news.rss")
                .serveResource("/cve/ant.html", "text/html; charset=utf-8", "fixtures/cve/ant.html")
                .serveResource("/cve/dlink.html", "text/html; charset=utf-8", "fixtures/cve/dlink.html")
                .serveResource("/cve/loader.html", "text/html; charset=utf-8", "fixtures/pages/loader.html");
        sources.configure(p);
        p.put("digest.watchlist", "SimpleHelp, DIR-645");
    }

    @AfterEach
    void stopSystems() {
        sources.close();
        system.close();
    }

    private StateStore store() {
        return context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
    }

    private TicketSystems.Ticket ticketOf(String story) {
        return system.tickets().stream().filter(t -> t.subject().contains(markerOf(story)) || t.project().equals(web.url(story)))
                .findFirst().orElseThrow(() -> new AssertionError("no ticket for " + story + " in " + system.tickets()));
    }

    private String markerOf(String story) {
        return context.getRegistry().lookupByNameAndType("tickets", dev.newsdigest.delivery.Tickets.class).marker(web.url(story));
    }

    @Test
    void theFirstRunOpensOneTicketPerActionAndARunWithNothingNewSendsNothing() {
        poll();
        publish();

        assertThat(system.refused()).isEmpty();
        assertThat(system.tickets()).hasSize(2);
        assertThat(ticketOf(SIMPLEHELP_STORY).description()).contains("自社製品: SimpleHelp, KEV", "CVE-2024-57727 — EPSS 0.94");
        assertThat(ticketOf(DLINK_STORY).description()).contains(web.url(DLINK_STORY), "CVE-2015-2051 — CVSS 8.8 (HIGH, CISA-ADP v3.1)");
        assertThat(store().tickets().get(web.url(DLINK_STORY))).isNotNull();
        if (!preset().equals("webhook")) {
            assertThat(system.tickets()).allSatisfy(t -> assertThat(t.subject()).startsWith("[TLP:AMBER] ").contains("[digest:"));
        }
        assertThat(system.tickets()).allSatisfy(t -> assertThat(t.description()).contains("TLP:AMBER"));
        assertThat(store().pendingDeliveries()).isEmpty();

        int requests = system.requests().size();
        poll();
        publish();
        template.sendBody("direct:deliver-pending", null);
        assertThat(system.requests()).hasSize(requests);
    }

    @Test
    void aStoryWithSomethingNewGetsANoteOnItsTicketAndNothingIsOpened() throws Exception {
        poll();
        publish();
        // a day later: the D-Link flaw's EPSS has moved, and a third article arrives, so the day is published again
        sources.answer("epss", Fixtures.text("enrichment/epss-api-answer.json").replace("0.97224", "0.51234").getBytes(StandardCharsets.UTF_8));
        ageEpss();
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news2.rss");
        poll();
        publish();

        assertThat(system.refused()).isEmpty();
        assertThat(system.tickets()).hasSize(2);
        assertThat(ticketOf(DLINK_STORY).notes()).singleElement().asString().contains("r2", "EPSS 0.51");
        assertThat(ticketOf(SIMPLEHELP_STORY).notes()).isEmpty();
        assertThat(store().pendingDeliveries()).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundAgainNotOpenedTwice() {
        system.slowCreates(1, 3000); // the system makes the ticket, the client gives up after digest.tickets.timeout

        poll();
        publish();

        assertThat(system.tickets()).hasSize(2);
        assertThat(system.refused()).isEmpty();
        assertThat(store().pendingDeliveries()).isEmpty();
    }

    @Test
    void aSystemThatIsDownLeavesEachTicketWithADeadLetterAndALaterRunOpensThemOnce() throws Exception {
        system.down(503);
        poll();
        publish();

        assertThat(system.tickets()).isEmpty();
        assertThat(store().pendingDeliveries()).extracting(StateStore.PendingDelivery::channel).contains("tickets");
        try (Stream<Path> letters = Files.list(work.resolve("state/dead-letters"))) {
            assertThat(letters.map(f -> f.getFileName().toString()).filter(n -> n.contains("-tickets-digest-") && n.endsWith(".reason.txt")))
                    .hasSize(2);
        }

        system.down(0);
        template.sendBody("direct:deliver-pending", null);
        assertThat(system.tickets()).hasSize(2);
        assertThat(store().pendingDeliveries()).isEmpty();
        template.sendBody("direct:deliver-pending", null);
        assertThat(system.tickets()).hasSize(2);
    }

    @Test
    void aResendAddsANoteToEveryTicketAndOpensNothing() {
        poll();
        publish();
        LocalDate day = store().lastPublished().day();

        store().scheduleResend(day, List.of("tickets"));
        template.sendBody("direct:deliver-pending", null);

        assertThat(system.tickets()).hasSize(2).allSatisfy(t -> assertThat(t.notes()).singleElement().asString().contains("(resend)"));
        assertThat(system.refused()).isEmpty();
    }

    private void ageEpss() throws Exception {
        try (var c = stateDatabase(); PreparedStatement u = c.prepareStatement("UPDATE cve_source SET checked_at = ? WHERE source = 'epss'")) {
            u.setTimestamp(1, Timestamp.from(Instant.now().minus(2, ChronoUnit.DAYS)));
            assertThat(u.executeUpdate()).isPositive();
        }
    }
}
