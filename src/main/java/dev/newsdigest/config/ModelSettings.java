package dev.newsdigest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code digest.llm.*}: which model, where, and how it is called. The key comes from the environment only
 * ({@code DIGEST_LLM_API_KEY}, else {@code OPENAI_API_KEY} / {@code ANTHROPIC_API_KEY}).
 */
public record ModelSettings(Provider provider, Optional<String> baseUrl, String model, Optional<String> apiKey, Duration timeout,
                            long maxBytes, int maxInputChars, int retries, Duration retryDelay, Path cacheDir) {

    public enum Provider { OPENAI, OLLAMA, ANTHROPIC, OFFLINE }

    static ModelSettings read(SettingsReader r, Function<String, String> env, Path stateDir) {
        String baseUrl = r.absoluteHttpUrl("digest.llm.base-url");
        String configuredKey = r.optional("digest.llm.api-key");
        Provider provider = provider(r, baseUrl != null || configuredKey != null || present(env.apply("OPENAI_API_KEY")));
        String key = configuredKey != null ? configuredKey : switch (provider) {
            case OPENAI -> blankToNull(env.apply("OPENAI_API_KEY"));
            case ANTHROPIC -> blankToNull(env.apply("ANTHROPIC_API_KEY"));
            default -> null;
        };
        if (provider == Provider.OPENAI && key == null && baseUrl == null) {
            throw new ConfigException("digest.llm.api-key",
                    "provider openai needs a key (DIGEST_LLM_API_KEY or OPENAI_API_KEY) or a digest.llm.base-url");
        }
        if (provider == Provider.ANTHROPIC && key == null) {
            throw new ConfigException("digest.llm.api-key", "provider anthropic needs a key (DIGEST_LLM_API_KEY or ANTHROPIC_API_KEY)");
        }
        String model = r.optional("digest.llm.model");
        String cacheDir = r.optional("digest.llm.cache-dir");
        return new ModelSettings(provider, Optional.ofNullable(baseUrl), model != null ? model : defaultModel(provider),
                Optional.ofNullable(key), r.duration("digest.llm.timeout"), r.positiveInt("digest.llm.max-bytes"),
                r.positiveInt("digest.llm.max-input-chars"),
                r.nonNegativeInt("digest.llm.retries"), Duration.ofMillis(r.positiveInt("digest.llm.retry-delay")),
                cacheDir == null ? stateDir.resolve("llm-cache") : Path.of(cacheDir));
    }

    /** The named provider; none named: an OpenAI-compatible server when one is configured, otherwise offline. */
    private static Provider provider(SettingsReader r, boolean openAiConfigured) {
        String value = r.text("digest.llm.provider").toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return openAiConfigured ? Provider.OPENAI : Provider.OFFLINE;
        }
        try {
            return Provider.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("digest.llm.provider", "unknown provider '" + value + "'; use openai, ollama, anthropic or offline");
        }
    }

    private static String defaultModel(Provider provider) {
        return switch (provider) {
            case OPENAI -> "gpt-4o-mini";
            case OLLAMA -> "llama3.1";
            case ANTHROPIC -> "claude-sonnet-4-5";
            case OFFLINE -> "offline";
        };
    }

    private static boolean present(String s) {
        return blankToNull(s) != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
