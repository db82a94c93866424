package dev.newsdigest.observe;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline's own counters, in the Micrometer registry that Camel serves as Prometheus text on
 * {@code /observe/metrics}: items polled, de-duplicated, summarised and fallen back; model latency and tokens;
 * delivery attempts and failures per channel; feed errors.
 */
public class DigestMetrics {
    private final MeterRegistry registry;

    public DigestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Entries a feed poll handed on (recent, included). */
    public void polled(String feed, int entries) {
        counter("digest.items.polled", "Feed entries handed on for de-duplication", "feed", feed).increment(entries);
    }

    /** An entry that was already known: skipped by de-duplication. */
    public void duplicate(String feed) {
        counter("digest.items.duplicate", "Entries skipped as already processed", "feed", feed).increment();
    }

    /** A finished news item; {@code by} is model, offline or offline-fallback. */
    public void summarised(String by) {
        counter("digest.items.summarised", "News items summarised", "by", by).increment();
        if (by.equals("offline-fallback")) {
            counter("digest.items.fallback", "News items that fell back to the offline summary").increment();
        }
    }

    public void modelCall(Duration latency, boolean ok) {
        Timer.builder("digest.model.latency").description("Model call latency").tag("outcome", ok ? "ok" : "failed")
                .register(registry).record(latency);
    }

    public void tokens(long inputTokens, long outputTokens) {
        counter("digest.model.tokens", "Model tokens spent", "direction", "input").increment(inputTokens);
        counter("digest.model.tokens", "Model tokens spent", "direction", "output").increment(outputTokens);
    }

    /** One attempt to deliver on {@code channel}. */
    public void deliveryAttempt(String channel, boolean ok) {
        counter("digest.delivery.attempts", "Delivery attempts", "channel", channel, "outcome", ok ? "ok" : "failed").increment();
    }

    /** A delivery that stayed pending after its attempts. */
    public void deliveryFailure(String channel) {
        counter("digest.delivery.failures", "Deliveries left pending after their attempts", "channel", channel).increment();
    }

    public void feedError(String feed) {
        counter("digest.feed.errors", "Feed polls that failed", "feed", feed).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
