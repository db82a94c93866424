package dev.newsdigest.summarize;

import java.util.List;

import dev.newsdigest.config.Messages;
import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Overview;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overview of a day, by the same path as an article's summary: through the {@link ModelGate} (budget, rate, slots,
 * deadline, usage) and the {@link AnswerCache}, so that a re-run spends no token on it. Without a model, or when the model
 * fails, it is written from the counts of what was collected.
 */
public class OverviewWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OverviewWriter.class);

    private final ChatModel model;
    private final Prompts prompts;
    private final ModelGate gate;
    private final AnswerCache cache;

    public OverviewWriter(ChatModel model, Prompts prompts, ModelGate gate, AnswerCache cache) {
        this.model = model;
        this.prompts = prompts;
        this.gate = gate;
        this.cache = cache;
    }

    /** The model's overview of {@code digest}, from the cache when this prompt was answered before; throws when the call fails. */
    public Overview write(Digest digest, long deadline) {
        List<ChatMessage> prompt = prompts.overview(digest);
        String key = key(prompt);
        var cached = cache.get(key);
        if (cached.isPresent()) {
            return new Overview(cached.get(), null); // no call, no tokens
        }
        ChatResponse response = gate.call(() -> model.chat(ChatRequest.builder().messages(prompt).build()), deadline,
                "the overview of " + digest.date());
        String text = response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new ModelAnswerException("empty overview");
        }
        cache.put(key, text);
        TokenUsage usage = response.tokenUsage();
        return new Overview(text, new DigestItem.Usage(usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount()));
    }

    /** The overview when the model could not write it: offline, with the reason logged (the day's budget quietly). */
    public Overview fallback(Digest digest, Exception reason) {
        if (reason instanceof BudgetReachedException) {
            LOG.info("write-overview: {}; the overview of {} is written offline", reason.getMessage(), digest.date());
        } else {
            LOG.warn("write-overview: model failed for {} ({}); using the offline overview", digest.date(),
                    reason == null ? "unknown reason" : reason.getMessage());
        }
        return offline(digest);
    }

    /** The overview written without a model: what was collected and how much of it needs action. */
    public Overview offline(Digest d) {
        return new Overview(Messages.of(d.language()).format("overview.offline", d.items().size(), d.incidents().size(),
                d.actions().size()), null);
    }

    private static String key(List<ChatMessage> prompt) {
        StringBuilder key = new StringBuilder("overview");
        for (ChatMessage m : prompt) {
            String text = m instanceof SystemMessage s ? s.text() : m instanceof UserMessage u ? u.singleText() : m.toString();
            key.append('\u0000').append(m.type()).append('\u0000').append(text);
        }
        return key.toString();
    }
}
