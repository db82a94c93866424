package dev.newsdigest.hardening;

import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The process-wide limit on model calls holds even when more articles run in parallel. */
class ModelLimitsTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.concurrency", "4");
        p.put("digest.llm.max-concurrent", "1");
        return p;
    }

    @Test
    void modelCallsInFlightNeverExceedMaxConcurrent() {
        model.delay(300);
        poll();

        assertThat(model.articleRequests()).hasSize(3);
        assertThat(model.peakInFlight()).isEqualTo(1);
    }
}
