package dev.newsdigest.hardening;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.support.HostileServer;
import dev.newsdigest.support.HostileServer.Mode;
import dev.newsdigest.support.PipelineTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model server that drips its answer or sends a huge one: the call goes through the one guarded client, so the
 * call's deadline (digest.llm.timeout, within the item's digest.llm.item-timeout) or digest.llm.max-bytes ends it, and
 * every article gets the offline summary; the day is published. The timeout is a hang detector only.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileModelServerTest extends PipelineTestSupport {
    private final HostileServer hostile = new HostileServer();

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.llm.base-url", hostile.url("/v1"));
        p.put("digest.llm.timeout", "2s");
        p.put("digest.llm.item-timeout", "5s");
        p.put("digest.llm.retries", "0");
        return p;
    }

    @AfterEach
    void stopHostile() {
        hostile.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aHostileModelServerIsCutOffAndEveryArticleGetsTheOfflineSummary(Mode mode) {
        hostile.hostile("/v1", mode);

        poll();
        publish();

        var items = digestJson().path("items");
        assertThat(items.size()).isPositive();
        items.forEach(item -> assertThat(item.path("summarizedBy").asText()).as(item.toString()).isEqualTo("offline-fallback"));
        assertThat(hostile.requests()).isPositive();
        assertThat(hostile.bytesSent()).isLessThan(64L << 20); // a 4 MiB cap per call
    }
}
