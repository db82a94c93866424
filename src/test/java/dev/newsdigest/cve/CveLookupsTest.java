package dev.newsdigest.cve;

import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CVE ids are looked up as each item is collected, not at the close: after the poll alone every id has been asked, and
 * the close asks nothing more. A close that comes while those lookups are still under way waits for them instead of
 * asking the same ids again.
 */
class CveLookupsTest extends PipelineTestSupport {
    private final CveSourceServer sources = new CveSourceServer();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        CveContextTest.cveNews(p, web, sources);
        return p;
    }

    @AfterEach
    void stopSources() {
        sources.close();
    }

    @Test
    void theIdsOfACollectedItemAreLookedUpBeforeTheClose() {
        poll();
        await().untilAsserted(() -> assertThat(sources.nvdLookups()).extracting(r -> r.query().get("cveId"))
                .containsExactlyInAnyOrder(CveContextTest.SIMPLEHELP, CveContextTest.ANT, CveContextTest.DLINK));
        await().untilAsserted(() -> assertThat(sources.requests("record")).hasSize(2)); // round 1 too
        int before = all();

        publish();

        assertThat(all()).as("the close found every answer stored").isEqualTo(before);
        assertThat(markdown()).contains("CVE情報: NVD 正常, CVE 正常, EPSS 正常, KEV 正常, JVN 正常",
                CveContextTest.ANT + " — CVSS 6.3 (MEDIUM, NVD v3.1)");
    }

    @Test
    void aCloseDuringTheLookupsWaitsForThemAndAsksNoIdTwice() throws Exception {
        sources.hold("nvd"); // NVD has not answered yet: the close comes while the lookups are under way

        poll();
        java.util.concurrent.CompletableFuture<Void> close = java.util.concurrent.CompletableFuture.runAsync(this::publish);
        await().until(() -> !sources.requests("nvd").isEmpty());
        // the close waits for the lookups under way; once it does, NVD answers
        await().until(() -> Thread.getAllStackTraces().keySet().stream().anyMatch(t -> java.util.Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(CveLookups.class.getName()) && f.getMethodName().equals("settle"))));
        sources.release();
        close.get(2, java.util.concurrent.TimeUnit.MINUTES);

        assertThat(sources.nvdLookups()).extracting(r -> r.query().get("cveId"))
                .containsExactlyInAnyOrder(CveContextTest.SIMPLEHELP, CveContextTest.ANT, CveContextTest.DLINK);
        assertThat(sources.requests("jvn")).hasSize(3);
        assertThat(markdown()).contains("CVE情報: NVD 正常, CVE 正常, EPSS 正常, KEV 正常, JVN 正常");
    }

    private int all() {
        return List.of("nvd", "record", "kev", "epss", "jvn").stream().mapToInt(s -> sources.requests(s).size()).sum();
    }
}
