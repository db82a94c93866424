package dev.newsdigest.cve;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import dev.newsdigest.model.Digest;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits on the CVE sources: NVD's request rate, the API key header, and the size of an answer. */
class CveSourceLimitsTest extends PipelineTestSupport {
    private static final String KEY = "nvd-key-for-tests";
    private final CveSourceServer sources = new CveSourceServer();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        sources.configure(p);
        p.put("digest.cve.nvd.max-requests", "1");
        p.put("digest.cve.nvd.window", "1s");
        p.put("digest.cve.nvd.api-key", KEY);
        p.put("digest.cve.max-bytes", "3000"); // the KEV sample is 3,293 bytes
        return p;
    }

    @AfterEach
    void stopSources() {
        sources.close();
    }

    @Test
    void nvdRequestsKeepToTheConfiguredRateAndCarryTheApiKey() {
        lookUp("CVE-2099-0001", "CVE-2099-0002", "CVE-2099-0003");

        List<CveSourceServer.Request> nvd = sources.requests("nvd"); // the sync's page first, then the three ids
        assertThat(nvd).hasSize(4).allSatisfy(r -> assertThat(r.headers()).containsEntry("apikey", KEY));
        assertThat(nvd.get(0).query()).containsKey("lastModStartDate");
        // one request per second, the sync's included: the fourth cannot come before two windows after the second (a
        // slow machine only adds to it). Not from the first: a cold client's first request reaches the server late, after
        // it was counted, which only shortens the gap the server sees
        assertThat(Duration.between(nvd.get(1).at(), nvd.get(3).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(sources.requests("jvn")).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey("apikey"));
    }

    @Test
    void anAnswerLargerThanMaxBytesIsRefusedAndSaidSo() {
        Digest digest = lookUp("CVE-2024-57727");

        assertThat(digest.items().get(0).cveContexts().get(0).missing()).contains("KEV");
        assertThat(digest.cveSourceStates()).contains(
                new Digest.CveSourceState("KEV", false, "answer larger than digest.cve.max-bytes (3000 bytes)", 1));
    }

    private Digest lookUp(String... ids) {
        return template.requestBody("direct:cve-context", CveContextTest.naming(ids), Digest.class);
    }
}
