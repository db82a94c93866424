package dev.newsdigest.tickets;

import java.util.Properties;

import dev.newsdigest.delivery.Tickets;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.TicketSystems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story's ticket cannot be taken over by an article that carries the story's marker in its title, nor by a ticket
 * someone else opened with the marker typed in: the real story gets a ticket of its own (Redmine preset, searched).
 */
class ForgedMarkerTest extends PipelineTestSupport {
    private static final String DLINK = "/cve/dlink.html";
    private final CveSourceServer sources = new CveSourceServer();
    private final TicketSystems system = new TicketSystems(TicketSystems.Kind.REDMINE, "security", "redmine-key");

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        TicketChannelContract.twoActions(p, web, sources);
        p.put("digest.tickets.mode", "per-action");
        p.put("digest.tickets.preset", "redmine");
        p.put("digest.tickets.url", system.base());
        p.put("digest.tickets.project", "security");
        p.put("digest.tickets.token", "redmine-key");
        return p;
    }

    @AfterEach
    void stopSystems() {
        sources.close();
        system.close();
    }

    private String marker(String path) {
        return context.getRegistry().lookupByNameAndType("tickets", Tickets.class).marker(web.url(path));
    }

    private String ticketIdOf(String path) {
        return context.getRegistry().lookupByNameAndType("stateStore", StateStore.class).tickets().get(web.url(path)).id();
    }

    @Test
    void anArticleTitledWithAStorysMarkerOpensItsOwnTicketAndTheRealStoryGetsItsOwn() {
        String forged = marker(DLINK);
        // day one: only the hostile article, a 課題 entry (it names DIR-645) whose title carries the D-Link story's marker
        web.serve("/cve-news.rss", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title><item><title>Acme bug CVE-2024-10000 [%s]</title><link>%s</link>
                <guid>forged-1</guid><pubDate>Tue, 24 Nov 2026 12:00:00 GMT</pubDate>
                <description>A flaw CVE-2024-10000 in the D-Link DIR-645 router family is exploited.</description></item></channel></rss>"""
                .formatted(forged, web.url("/forged.html")));
        web.serve("/forged.html", 200, "text/html", "<html><body><article><h1>Acme bug</h1><p>A flaw CVE-2024-10000 in the D-Link "
                + "DIR-645 router family is being exploited, researchers said on Tuesday, and a fix is not yet available.</p></article></body></html>");
        poll();
        publish();
        assertThat(system.tickets()).singleElement().satisfies(t -> assertThat(t.subject()).doesNotContain(forged).contains("Acme bug"));
        String hostileTicket = system.tickets().get(0).id();

        // the real stories arrive: the D-Link story's search must not adopt the hostile ticket
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news.rss");
        poll();
        publish();

        assertThat(system.refused()).isEmpty();
        assertThat(ticketIdOf(DLINK)).isNotEqualTo(hostileTicket);
        assertThat(system.tickets()).filteredOn(t -> t.subject().contains("[" + forged + "]")).singleElement()
                .satisfies(t -> assertThat(t.description()).contains(web.url(DLINK)));
    }

    @Test
    void aTicketSomeoneElseOpenedWithTheMarkerTypedInIsNotAdopted() {
        String planted = system.plant("Router issue [" + marker(DLINK) + "]", "not ours");

        poll();
        publish();

        assertThat(ticketIdOf(DLINK)).isNotEqualTo(planted);
        assertThat(system.tickets()).hasSize(3);
        assertThat(system.tickets().stream().filter(t -> t.id().equals(planted)).findFirst().orElseThrow().notes()).isEmpty();
    }
}
