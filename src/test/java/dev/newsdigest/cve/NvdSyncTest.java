package dev.newsdigest.cve;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Properties;

import dev.newsdigest.model.Digest;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NVD's incremental sync against a local NVD that answers {@code lastModStartDate}/{@code lastModEndDate} in pages as
 * NVD does (and refuses, as NVD does, a window over 120 days or a date it cannot read): the ids it lists are not asked
 * one by one, stored answers it does not list are current again, and a failed sync leaves the ids to be asked alone.
 */
class NvdSyncTest extends PipelineTestSupport {
    private static final String A = "CVE-2026-1001";
    private static final String B = "CVE-2026-1002";
    private static final String C = "CVE-2026-1003";

    private final CveSourceServer sources = new CveSourceServer();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        sources.configure(p);
        p.put("digest.cve.nvd.max-age", "1h");
        p.put("digest.cve.nvd.sync.every", "1h");
        p.put("digest.cve.nvd.sync.page-size", "2");
        return p;
    }

    @AfterEach
    void stopSources() {
        sources.close();
    }

    @Test
    void theIdsTheSyncListsAreNotAskedOneByOne() {
        sources.modified(A, B);

        Digest digest = lookUp(A, B, C);

        assertThat(sources.nvdSyncs()).hasSize(1);
        assertThat(sources.nvdLookups()).extracting(r -> r.query().get("cveId")).containsExactly(C);
        assertThat(digest.items().get(0).cveContexts()).extracting(c -> c.cvss() == null ? null : c.cvss().score())
                .containsExactly(6.3, 6.3, null); // C: NVD lists no record of it
        assertThat(digest.cveSourceStates()).contains(new Digest.CveSourceState("NVD", true, null, 0));
        CveSourceServer.Request sync = sources.nvdSyncs().get(0);
        Duration window = Duration.between(OffsetDateTime.parse(sync.query().get("lastModStartDate")),
                OffsetDateTime.parse(sync.query().get("lastModEndDate")));
        assertThat(window).isEqualTo(Duration.ofDays(1)); // the first sync reaches digest.cve.nvd.sync.lookback back
    }

    @Test
    void aSyncReadsEveryPage() {
        String[] ids = {"CVE-2026-2001", "CVE-2026-2002", "CVE-2026-2003", "CVE-2026-2004", "CVE-2026-2005"};
        sources.modified(ids);

        lookUp(ids);

        assertThat(sources.nvdSyncs()).extracting(r -> r.query().get("startIndex")).containsExactly("0", "2", "4");
        assertThat(sources.nvdSyncs()).allSatisfy(r -> assertThat(r.query()).containsEntry("resultsPerPage", "2"));
        assertThat(sources.nvdLookups()).isEmpty();
    }

    @Test
    void aLaterSyncStartsWhereTheLastEndedAndStoredAnswersItDoesNotListAreCurrentAgain() throws Exception {
        sources.modified(A);
        lookUp(A);
        assertThat(lookUp(A).items().get(0).cveContexts().get(0).cvss()).isNotNull();
        assertThat(sources.nvdSyncs()).as("not due again within digest.cve.nvd.sync.every").hasSize(1);

        // two hours on: A's answer is past its max-age (1h), and the sync is due; NVD changed nothing since
        Instant through = age(Duration.ofHours(2));
        sources.unmodified();
        Digest later = lookUp(A);

        assertThat(sources.nvdSyncs()).hasSize(2);
        assertThat(OffsetDateTime.parse(sources.nvdSyncs().get(1).query().get("lastModStartDate")).toInstant())
                .isEqualTo(through.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)); // an hour of overlap
        assertThat(sources.nvdLookups()).as("A was checked within the synced window: current, not asked again").isEmpty();
        assertThat(later.items().get(0).cveContexts().get(0).cvss().score()).isEqualTo(6.3);
    }

    @Test
    void aFailedSyncLeavesTheIdsToBeAskedOneByOneAndIsTriedAgainNextTime() {
        sources.modified(A);
        sources.failSync(503);
        Digest digest;
        try (LogCapture logs = new LogCapture()) {
            digest = lookUp(A, C);
            assertThat(logs.warnings()).anySatisfy(w -> assertThat(w).contains("nvd sync", "HTTP 503", "asked one by one"));
        }
        assertThat(sources.nvdLookups()).extracting(r -> r.query().get("cveId")).containsExactlyInAnyOrder(A, C);
        assertThat(digest.items().get(0).cveContexts().get(0).cvss().score()).isEqualTo(6.3);

        sources.failSync(0);
        lookUp(A, C);
        assertThat(sources.nvdSyncs()).as("the failed sync did not count as done").hasSize(2);
    }

    private Digest lookUp(String... ids) {
        return template.requestBody("direct:cve-context", CveContextTest.naming(ids), Digest.class);
    }

    /** Moves every stored NVD answer and the sync's mark {@code by} into the past, as a later run would find them. */
    private Instant age(Duration by) throws Exception {
        Instant through;
        try (var c = stateDatabase()) {
            try (var q = c.prepareStatement("SELECT body FROM cve_source WHERE source = 'nvd-sync'"); var rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                through = Instant.parse(rs.getString(1)).minus(by);
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE cve_source SET body = ?, checked_at = ? WHERE source = 'nvd-sync'")) {
                u.setString(1, through.toString());
                u.setTimestamp(2, Timestamp.from(through));
                u.executeUpdate();
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE cve_source SET checked_at = ? WHERE source = 'nvd'")) {
                u.setTimestamp(1, Timestamp.from(Instant.now().minus(by)));
                assertThat(u.executeUpdate()).isPositive();
            }
        }
        return through;
    }
}
