package dev.newsdigest.hardening;

import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** digest.llm.requests-per-minute spaces model calls out, however many articles run in parallel. */
class RequestRateTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.concurrency", "4");
        p.put("digest.llm.max-concurrent", "4");
        p.put("digest.llm.requests-per-minute", "30");
        return p;
    }

    @Test
    void modelCallsStartNoFasterThanRequestsPerMinute() {
        poll();

        List<java.time.Instant> arrivals = model.arrivals();
        assertThat(arrivals).hasSize(3);
        // one call per 2 s: the first two may pass at once (the limiter stores up to one idle interval), the third
        // waits 2 s; measured at the stub, the first call's own connection set-up may eat into that, hence 1.5 s
        long spanMillis = java.time.Duration.between(arrivals.get(0), arrivals.get(2)).toMillis();
        assertThat(spanMillis).isGreaterThanOrEqualTo(1500);
        assertThat(digestItemsBy()).containsOnly("model:stub-model");
    }

    private List<String> digestItemsBy() {
        publish();
        return digestJson().path("items").findValuesAsText("summarizedBy");
    }
}
