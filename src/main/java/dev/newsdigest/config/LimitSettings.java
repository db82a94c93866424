package dev.newsdigest.config;

import java.time.Duration;

/**
 * How much runs at once and for how long: articles in progress, model calls in flight and per minute, the day's token
 * budget, an item's time budget, a claim's lease and how long the state keeps what is done. An unset per-minute rate or
 * budget is {@link Integer#MAX_VALUE} or {@link Long#MAX_VALUE}: no limit.
 */
public record LimitSettings(int concurrency, int llmMaxConcurrent, int llmRequestsPerMinute, long llmDailyTokenBudget,
                            Duration llmItemTimeout, Duration lease, Duration retention) {

    static LimitSettings read(SettingsReader r) {
        return new LimitSettings(r.positiveInt("digest.concurrency"), r.positiveInt("digest.llm.max-concurrent"),
                (int) r.optionalPositive("digest.llm.requests-per-minute", Integer.MAX_VALUE),
                r.optionalPositive("digest.llm.daily-token-budget", Long.MAX_VALUE), r.duration("digest.llm.item-timeout"),
                r.duration("digest.state.lease"), r.duration("digest.retention"));
    }
}
