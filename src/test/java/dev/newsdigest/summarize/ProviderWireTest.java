package dev.newsdigest.summarize;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.newsdigest.DigestConfigurationAccess;
import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.config.Settings;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.EnrichedArticle;
import dev.newsdigest.model.Article;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.TokenLedger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.newsdigest.support.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each provider's real LangChain4j client against a local server speaking that provider's API: the schema goes out
 * as the provider's native structured output, and the answer comes back into a digest item.
 */
class ProviderWireTest {
    private static final String ANSWER = """
            {"title":"タイトル","summary":["要点"],"iocs":[{"type":"ipv4","value":"203.0.113.45"}],"recommendations":[],
             "notes":["注記"],"aiRecommendations":[],"actionRequired":false,"actionReason":""}""";
    private final WebServer server = new WebServer();
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path cacheDir;
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anthropicSendsTheSchemaAsOutputFormatWithTheStructuredOutputsBeta() throws Exception {
        server.serve("/v1/messages", 200, "application/json", json.writeValueAsString(Map.of(
                "id", "msg_1", "type", "message", "role", "assistant", "model", "claude-sonnet-4-5",
                "content", java.util.List.of(Map.of("type", "text", "text", ANSWER)),
                "stop_reason", "end_turn", "usage", Map.of("input_tokens", 321, "output_tokens", 45))));

        DigestItem item = summarize(Map.of("digest.llm.provider", "anthropic", "digest.llm.base-url", server.url("/v1/")),
                Map.of("ANTHROPIC_API_KEY", "test-key"));

        WebServer.Request request = server.requests("/v1/messages").get(0);
        assertThat(request.headers().get("anthropic-beta")).contains("structured-outputs-2025-11-13");
        assertThat(request.headers().get("x-api-key")).isEqualTo("test-key");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("output_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("output_format").path("schema").path("properties").has("actionRequired")).isTrue();
        assertThat(item.title()).isEqualTo("タイトル");
        assertThat(item.usage()).isEqualTo(new DigestItem.Usage(321, 45));
    }

    @Test
    void ollamaSendsTheSchemaAsFormat() throws Exception {
        server.serve("/api/chat", 200, "application/json", json.writeValueAsString(Map.of(
                "model", "llama3.1", "created_at", "2026-11-25T00:00:00Z",
                "message", Map.of("role", "assistant", "content", ANSWER), "done", true,
                "prompt_eval_count", 100, "eval_count", 20)));

        DigestItem item = summarize(Map.of("digest.llm.provider", "ollama", "digest.llm.base-url", server.base()), Map.of());

        JsonNode body = json.readTree(server.requests("/api/chat").get(0).body());
        assertThat(body.path("format").path("type").asText()).isEqualTo("object");
        assertThat(body.path("format").path("required").toString()).contains("actionRequired");
        assertThat(item.summarizedBy()).isEqualTo("model:llama3.1");
        assertThat(item.iocs()).extracting(i -> i.value()).containsExactly("203.0.113.45");
    }

    @Test
    void aCveIdTheModelReportsIsKeptOnlyWithAYearFrom1999ToNextYearEvenWhenTheArticleHasIt() throws Exception {
        String answer = ANSWER.replace("""
                [{"type":"ipv4","value":"203.0.113.45"}]""", """
                [{"type":"cve","value":"CVE-0000-0000"},{"type":"cve","value":"CVE-1998-0001"},{"type":"cve","value":"CVE-9999-1234"},
                 {"type":"cve","value":"CVE-2024-3400"}]""");
        server.serve("/api/chat", 200, "application/json", json.writeValueAsString(Map.of(
                "model", "llama3.1", "created_at", "2026-11-25T00:00:00Z",
                "message", Map.of("role", "assistant", "content", answer), "done", true,
                "prompt_eval_count", 100, "eval_count", 20)));

        DigestItem item = summarize(Map.of("digest.llm.provider", "ollama", "digest.llm.base-url", server.base()), Map.of(),
                "Placeholder ids CVE-0000-0000, CVE-1998-0001 and CVE-9999-1234 beside the real CVE-2024-3400.");

        assertThat(item.iocs()).extracting(i -> i.type() + " " + i.value()).containsExactly("cve CVE-2024-3400");
    }

    private DigestItem summarize(Map<String, String> props, Map<String, String> env) {
        return summarize(props, env, "Attack from 203.0.113.45 was seen.");
    }

    private DigestItem summarize(Map<String, String> props, Map<String, String> env, String text) {
        Map<String, String> all = new HashMap<>(props);
        all.put("digest.feeds", "a");
        all.put("digest.feed.a.url", "https://a.example/feed");
        Settings settings = Settings.from(all::get, env::get);
        try (StateStore store = new StateStore(cacheDir.resolve("state"), java.time.ZoneOffset.UTC, java.time.Duration.ofMinutes(1),
                java.time.Clock.systemUTC())) {
            ModelGate gate = new ModelGate(2, Integer.MAX_VALUE, Long.MAX_VALUE, java.time.Duration.ofSeconds(30), new TokenLedger(store), store::today,
                    new DigestMetrics(new SimpleMeterRegistry()));
            ModelSummarizer summarizer = new ModelSummarizer(DigestConfigurationAccess.chatModel(settings), settings.llmModel(),
                    new Prompts("ja"), 12000, new IocExtractor(Set.of()), gate,
                    new AnswerCache(cacheDir, settings.provider().name(), settings.llmModel(), "test"));
            Article article = new Article("a", FeedConfig.Section.NEWS, "https://a.example/1", "https://a.example/1", "Title",
                    "desc", null, null, 0);
            return summarizer.summarize(new EnrichedArticle(article, text, "page"), gate.deadline());
        }
    }
}
