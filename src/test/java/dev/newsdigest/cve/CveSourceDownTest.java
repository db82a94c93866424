package dev.newsdigest.cve;

import java.util.Properties;
import java.util.stream.IntStream;

import dev.newsdigest.model.Digest;
import dev.newsdigest.support.CveSourceServer;
import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import dev.newsdigest.support.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CVE source that cannot be reached is asked once per pass, not once per id, and NVD's throttle does not space
 * requests that never reached it: forty ids with NVD down and a throttle of one request an hour still end the pass.
 */
class CveSourceDownTest extends PipelineTestSupport {
    private final CveSourceServer sources = new CveSourceServer();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        sources.configure(p);
        p.put("digest.cve.nvd.url", "http://127.0.0.1:" + Ports.freeOutsideEphemeralRange() + "/nvd"); // nothing listens there
        p.put("digest.cve.nvd.max-requests", "1");
        p.put("digest.cve.nvd.window", "1h");
        return p;
    }

    @AfterEach
    void stopSources() {
        sources.close();
    }

    @Test
    void anUnreachableSourceIsAskedOnceWithOneWarningAndTheOthersAreRead() {
        String[] ids = IntStream.rangeClosed(1, 40).mapToObj(i -> "CVE-2099-" + (1000 + i)).toArray(String[]::new);
        Digest digest;
        try (LogCapture logs = new LogCapture()) {
            digest = template.requestBody("direct:cve-context", CveContextTest.naming(ids), Digest.class);
            assertThat(logs.warnings()).filteredOn(w -> w.contains("cve-context: nvd")).singleElement().asString()
                    .contains("connection failed", "NVD is not asked again in this run");
        }
        assertThat(digest.cveSourceStates()).anySatisfy(s -> {
            assertThat(s.source()).isEqualTo("NVD");
            assertThat(s.ok()).isFalse();
            assertThat(s.missing()).isEqualTo(40);
        });
        assertThat(sources.requests("jvn")).hasSize(40);
        assertThat(digest.cveSourceStates()).anySatisfy(s -> assertThat(s).isEqualTo(new Digest.CveSourceState("JVN", true, null, 0)));
    }
}
