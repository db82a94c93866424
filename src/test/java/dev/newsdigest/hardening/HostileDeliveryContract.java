package dev.newsdigest.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.newsdigest.support.HostileServer;
import dev.newsdigest.support.HostileServer.Mode;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest webhook and a ticket system (one preset per subclass) answering as hostile servers do: the digest is
 * still published to its file, and each channel's dead letter names the limit that cut it off. The timeout is a hang
 * detector, far above what the run takes.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class HostileDeliveryContract extends PipelineTestSupport {
    final HostileServer hostile = new HostileServer();

    abstract String preset();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feed.news.url", web.url("/cve-news.rss"));
        web.serveResource("/cve-news.rss", "application/rss+xml", "fixtures/cve/news.rss")
                .serveResource("/cve/ant.html", "text/html; charset=utf-8", "fixtures/cve/ant.html")
                .serveResource("/cve/dlink.html", "text/html; charset=utf-8", "fixtures/cve/dlink.html");
        p.put("digest.watchlist", "SimpleHelp, DIR-645"); // two 課題 entries, so two tickets
        p.put("digest.webhook.enabled", "true");
        p.put("digest.webhook.url", hostile.url("/hook"));
        p.put("digest.webhook.timeout", "2s");
        p.put("digest.webhook.max-attempts", "2");
        p.put("digest.webhook.backoff", "10ms");
        p.put("digest.tickets.mode", "per-action");
        p.put("digest.tickets.preset", preset());
        p.put("digest.tickets.url", hostile.url("/t"));
        p.put("digest.tickets.project", preset().equals("github") ? "soc/tickets" : "SOC");
        p.put("digest.tickets.token", "t0ken");
        p.put("digest.tickets.timeout", "2s");
        p.put("digest.tickets.max-attempts", "2");
        p.put("digest.tickets.backoff", "10ms");
        return p;
    }

    @AfterEach
    void stopHostile() {
        hostile.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HUGE, max-bytes", "DRIP, timeout", "CLOSE_AFTER_LARGE, max-bytes"})
    void hostileReceiversAreCutOffTheDigestIsWrittenAndEachDeadLetterNamesTheLimit(Mode mode, String limit) {
        hostile.hostile("/hook", mode).hostile("/t", mode);

        poll();
        publish();

        assertThat(markdown()).contains("CVE-2015-2051");
        List<String> reasons = deadLetterReasons();
        assertThat(reasons).filteredOn(r -> r.startsWith("channel: webhook")).singleElement().asString()
                .contains("digest.webhook." + limit);
        // one per ticket, and the revision's own, which lists them
        assertThat(reasons).filteredOn(r -> r.startsWith("channel: tickets\nstory: ")).hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("digest.tickets." + limit));
        assertThat(reasons).filteredOn(r -> r.startsWith("channel: tickets\nkey: ")).singleElement().asString()
                .contains("2 ticket(s) failed", "digest.tickets." + limit);
        assertThat(hostile.bytesSent()).isLessThan(200L << 20); // every attempt cut off near its cap
    }

    private List<String> deadLetterReasons() {
        Path letters = work.resolve("state/dead-letters");
        try (Stream<Path> files = Files.list(letters)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".reason.txt")).map(PipelineTestSupport::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
