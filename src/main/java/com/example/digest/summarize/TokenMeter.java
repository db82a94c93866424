package com.example.digest.summarize;

import java.time.LocalDate;
import java.util.function.Supplier;

import com.example.digest.observe.DigestMetrics;
import com.example.digest.state.TokenLedger;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the chat model, so that every call's tokens are counted however it was made: the article calls from
 * {@link ModelSummarizer} and the overview call through camel-langchain4j-chat. Tokens are booked to the day (for
 * the budget and {@code status}) and to the metrics. The overview's usage is also kept for the thread that made the
 * call, because camel-langchain4j-chat passes only the answer's text on.
 */
public class TokenMeter implements ChatModelListener {
    private static final Logger LOG = LoggerFactory.getLogger(TokenMeter.class);

    private final TokenLedger ledger;
    private final Supplier<LocalDate> today;
    private final DigestMetrics metrics;
    private final ThreadLocal<TokenUsage> lastOnThread = new ThreadLocal<>();

    public TokenMeter(TokenLedger ledger, Supplier<LocalDate> today, DigestMetrics metrics) {
        this.ledger = ledger;
        this.today = today;
        this.metrics = metrics;
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        TokenUsage usage = context.chatResponse().tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        lastOnThread.set(new TokenUsage((int) in, (int) out));
        metrics.tokens(in, out);
        try {
            ledger.spend(today.get(), in, out);
        } catch (RuntimeException e) {
            LOG.warn("model tokens of a call not booked ({}); the day's budget may undercount them", e.getMessage());
        }
    }

    /** The usage of the last call this thread made, taken (null when it made none since). */
    public TokenUsage takeLast() {
        TokenUsage usage = lastOnThread.get();
        lastOnThread.remove();
        return usage;
    }
}
