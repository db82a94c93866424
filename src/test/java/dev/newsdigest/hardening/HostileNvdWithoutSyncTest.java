package dev.newsdigest.hardening;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.support.HostileServer;
import dev.newsdigest.support.HostileServer.Mode;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NVD asked id by id (its sync off), answering as a hostile server does: each request is cut off by the CVE sources'
 * own limits and the day is published naming them, as {@link HostileCveSourcesTest} shows for the other sources.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileNvdWithoutSyncTest extends PipelineTestSupport {
    private final HostileServer hostile = new HostileServer();

    @Override
    protected Properties settings() {
        Properties p = HostileCveSourcesTest.hostileSources(super.settings(), web, hostile);
        p.put("digest.cve.nvd.sync.lookback", "0s");
        return p;
    }

    @AfterEach
    void stopHostile() {
        hostile.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HUGE, digest.cve.max-bytes", "DRIP, digest.cve.timeout", "CLOSE_AFTER_LARGE, digest.cve.max-bytes"})
    void aHostileNvdAskedIdByIdIsCutOffAndTheDigestIsPublishedNamingIt(Mode mode, String limit) {
        hostile.hostile("/nvd", mode);

        poll();
        publish();

        HostileCveSourcesTest.publishedNaming(markdown(), "NVD", limit, hostile);
    }
}
