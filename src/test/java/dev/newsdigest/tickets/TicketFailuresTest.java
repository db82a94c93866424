package dev.newsdigest.tickets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import dev.newsdigest.config.Settings;
import dev.newsdigest.observe.StatusReport;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.TicketSystems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a ticket failure says: its own HTTP status, whether retrying can help, and no success without a ticket id. */
class TicketFailuresTest extends PipelineTestSupport {
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
        p.put("digest.tickets.max-attempts", "3");
        p.put("digest.tickets.backoff", "10ms");
        return p;
    }

    @AfterEach
    void stopSystems() {
        sources.close();
        system.close();
    }

    private StateStore store() {
        return context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
    }

    @Test
    void aRefusedTokenIsHttp401PermanentAndNotRetried() {
        system.down(401);

        poll();
        publish(); // pages are enriched first: one of them fails, so the exchange has carried an older failure

        List<String> reasons = deadLetterReasons();
        assertThat(reasons).filteredOn(r -> r.contains("\nstory: ")).hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("permanent: true", "reason: HTTP 401").doesNotContain("TooLittleText"));
        assertThat(reasons).filteredOn(r -> r.contains("\nkey: ")).singleElement().asString().contains("permanent: true", "HTTP 401");
        assertThat(system.requests()).hasSize(2); // one search per story, neither retried
        String status = StatusReport.render(context.getRegistry().lookupByNameAndType("settings", Settings.class), store());
        assertThat(status).contains("HTTP 401").doesNotContain("TooLittleText");
    }

    @Test
    void aCreateAnsweredWithoutAnIdIsAFailureNotATicket() {
        system.createAnswer("{\"something\":\"else\"}");

        poll();
        publish();

        assertThat(store().tickets().get(web.url(TicketChannelContract.DLINK_STORY))).isNull();
        assertThat(store().pendingDeliveries()).extracting(StateStore.PendingDelivery::channel).contains("tickets");
        assertThat(deadLetterReasons()).filteredOn(r -> r.contains("\nstory: ")).hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("no ticket id at /issue/id"));

        // the system works again: the next run opens each ticket once, and no update goes to an empty id
        system.createAnswer(null);
        template.sendBody("direct:deliver-pending", null);
        assertThat(system.requests()).noneMatch(r -> r.path().contains("/issues/.json"));
        assertThat(store().tickets().get(web.url(TicketChannelContract.DLINK_STORY)).id()).isNotEmpty();
    }

    private List<String> deadLetterReasons() {
        try (Stream<Path> files = Files.list(work.resolve("state/dead-letters"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".reason.txt")).map(PipelineTestSupport::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
