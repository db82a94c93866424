package dev.newsdigest.hardening;

import java.util.List;
import java.util.Properties;

import dev.newsdigest.support.LogCapture;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** digest.llm.daily-token-budget: once the day's tokens reach it, the remaining items and the overview are written offline. */
class TokenBudgetTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        // the stub books 1000 input + 200 output tokens per call: two calls reach 2400 >= 2000
        p.put("digest.llm.daily-token-budget", "2000");
        p.put("digest.concurrency", "1");
        return p;
    }

    @Test
    void theTokenBudgetSwitchesTheRemainingItemsToOfflineAtTheCap() {
        try (LogCapture logs = new LogCapture()) {
            poll();
            publish();
            assertThat(logs.warnings()).anyMatch(w -> w.contains("daily token budget of 2000 reached"));
        }

        assertThat(model.articleRequests()).hasSize(2);
        assertThat(model.requests()).hasSize(2); // the overview was written offline too
        JsonNode digest = digestJson();
        List<String> by = digest.path("items").findValuesAsText("summarizedBy");
        assertThat(by).containsExactlyInAnyOrder("model:stub-model", "model:stub-model", "offline-fallback");
        assertThat(digest.path("usage").path("budgetReached").asBoolean()).isTrue();
        assertThat(digest.path("usage").path("inputTokens").asLong()).isEqualTo(2000);
        String md = markdown();
        assertThat(md).contains("要約はLLMを使わずに本文の冒頭から作成した（本日のトークン上限に達したため）。");
        assertThat(md.lines().filter(l -> l.startsWith("取得状況:")).findFirst().orElseThrow()).endsWith("本日のトークン上限に達した");
    }
}
