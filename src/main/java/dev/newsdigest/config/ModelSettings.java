package dev.newsdigest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code digest.llm.*}: which model, where, and how it is called, and what the model is told of its readers
 * ({@code context}: empty, or a few lines). The key comes from the environment only ({@code DIGEST_LLM_API_KEY}, else
 * {@code OPENAI_API_KEY} / {@code ANTHROPIC_API_KEY}).
 */
public record ModelSettings(Provider provider, Optional<String> baseUrl, String model, Optional<String> apiKey, Duration timeout,
                            long maxBytes, int maxInputChars, int retries, Duration retryDelay, Path cacheDir, String context) {

    public enum Provider { OPENAI, OLLAMA, ANTHROPIC, OFFLINE }

    /** The longest {@code digest.llm.context}, in characters once cleaned: a few lines, not a document. */
    public static final int MAX_CONTEXT = 1000;

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
                cacheDir == null ? stateDir.resolve("llm-cache") : Path.of(cacheDir), context(r));
    }

    /**
     * {@code digest.llm.context}: the readers' environment, as lines of plain text: control and format characters
     * (bidirectional overrides, zero-width characters) become spaces, each line is trimmed, empty lines are dropped.
     * Longer than {@link #MAX_CONTEXT} characters then: a configuration error.
     */
    private static String context(SettingsReader r) {
        String key = "digest.llm.context";
        String context = r.raw(key).replace("\r\n", "\n").replace('\r', '\n').lines()
                .map(line -> line.replaceAll("[\\p{Cc}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip())
                .filter(line -> !line.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
        if (context.length() > MAX_CONTEXT) {
            throw new ConfigException(key, context.length() + " characters, more than " + MAX_CONTEXT
                    + ": describe the readers' environment in a few lines");
        }
        return context;
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
