package dev.newsdigest;

import dev.newsdigest.config.Messages;
import dev.newsdigest.config.Settings;
import dev.newsdigest.fetch.Limits;
import dev.newsdigest.fetch.Outbound;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.TokenLedger;
import dev.newsdigest.summarize.AnswerCache;
import dev.newsdigest.summarize.IocExtractor;
import dev.newsdigest.summarize.ModelGate;
import dev.newsdigest.summarize.ModelHttp;
import dev.newsdigest.summarize.ModelRetry;
import dev.newsdigest.summarize.ModelSummarizer;
import dev.newsdigest.summarize.OfflineSummarizer;
import dev.newsdigest.summarize.OverviewWriter;
import dev.newsdigest.summarize.Prompts;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.apache.camel.CamelContext;

import static dev.newsdigest.Beans.bind;

/**
 * The model's beans: the client for the configured provider, the gate that holds every call to the model limits, and
 * what asks the model (the summarizer, the overview) or stands in for it offline.
 */
final class ModelBeans {
    private ModelBeans() {
    }

    static void configure(CamelContext context, Settings settings, Outbound outbound, StateStore store, TokenLedger ledger, DigestMetrics metrics) {
        IocExtractor iocs = new IocExtractor(settings.iocIgnoreDomains());
        Prompts prompts = new Prompts(settings.language(), settings.llmContext());
        // on a shared database the model limits hold for the whole fleet; a slot a killed instance held frees after one item's time
        ModelGate gate = new ModelGate(settings.llmMaxConcurrent(), settings.llmRequestsPerMinute(), settings.llmDailyTokenBudget(),
                settings.llmItemTimeout(), ledger, store::today, metrics,
                store.fleetLimits(settings.llmMaxConcurrent(), settings.llmRequestsPerMinute(), settings.llmItemTimeout()));
        ChatModel chatModel = chatModel(settings, outbound); // through the outbound client for the model
        bind(context, "modelGate", gate);
        bind(context, "offlineSummarizer", new OfflineSummarizer(iocs, Messages.of(settings.language())));
        AnswerCache answers = new AnswerCache(settings.llmCacheDir(), settings.provider().name(), settings.llmModel(), prompts.version());
        // Every model call of the digest (articles and the overview) needs the strict JSON schema, the token usage and the
        // answer cache, which only the ChatModel bean gives: they go through it, behind the ModelGate. camel-langchain4j-chat
        // stays on the classpath for a plain chat call in a user's own route: langchain4j-chat:x?chatModel=#chatModel.
        bind(context, "modelSummarizer", new ModelSummarizer(chatModel, settings.llmModel(), prompts,
                settings.llmMaxInputChars(), iocs, gate, answers));
        bind(context, "modelRetry", new ModelRetry(settings));
        bind(context, "overviewWriter", new OverviewWriter(chatModel, prompts, gate, answers));
        if (chatModel != null) {
            bind(context, "chatModel", chatModel);
        }
    }

    /** The model client for the configured provider, or null when running offline. LangChain4j never retries: the route does. */
    static ChatModel chatModel(Settings s, Outbound outbound) {
        if (s.isOffline()) {
            return null;
        }
        String base = s.llmBaseUrl().orElse(switch (s.provider()) {
            case OLLAMA -> "http://localhost:11434";
            case ANTHROPIC -> "https://api.anthropic.com/v1";
            default -> "https://api.openai.com/v1";
        });
        // the model server is the operator's choice, as a feed's host is: its address is not checked
        HttpClientBuilder http = ModelHttp.builder(outbound.client(new Limits("model", s.llmTimeout(), s.llmMaxBytes(), Limits.hostOf(base), "digest.llm")));
        return switch (s.provider()) {
            case OFFLINE -> null;
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(base)
                    .apiKey(s.llmApiKey().orElse("no-key"))
                    .modelName(s.llmModel())
                    .timeout(s.llmTimeout())
                    .maxRetries(0)
                    .strictJsonSchema(true)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(base)
                    .modelName(s.llmModel())
                    .timeout(s.llmTimeout())
                    .maxRetries(0)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
            case ANTHROPIC -> {
                AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder()
                        .httpClientBuilder(http)
                        .apiKey(s.llmApiKey().orElseThrow())
                        .modelName(s.llmModel())
                        .timeout(s.llmTimeout())
                        .maxTokens(4096)
                        // LangChain4j 1.10 sends the schema as output_format, which Anthropic serves under this beta
                        .beta("structured-outputs-2025-11-13")
                        .maxRetries(0)
                            .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
                s.llmBaseUrl().ifPresent(b::baseUrl);
                yield b.build();
            }
        };
    }
}
