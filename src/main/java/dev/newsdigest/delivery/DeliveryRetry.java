package dev.newsdigest.delivery;

import dev.newsdigest.config.ChannelSettings;
import java.time.Duration;

import dev.newsdigest.config.Settings;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.StateStore;
import org.apache.camel.Exchange;

/**
 * The {@code retryWhile} of the delivery routes: retries transient failures up to {@code digest.<channel>.max-attempts},
 * waiting {@code digest.<channel>.backoff} doubling each time, or what a Retry-After header asked for.
 */
public class DeliveryRetry {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeliveryRetry.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final Settings settings;
    private final DigestMetrics metrics;

    public DeliveryRetry(Settings settings, DigestMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    public boolean shouldRetry(Exchange exchange) {
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        StateStore.PendingDelivery delivery = exchange.getVariable("delivery", StateStore.PendingDelivery.class);
        // Camel has already counted the failed attempt when it asks: 1 after the first failure
        int failed = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        ChannelSettings.Delivery channel = settings.delivery(delivery.channel());
        metrics.deliveryAttempt(delivery.channel(), false); // asked once per failed attempt
        if (failure == null || !DeliveryFailures.isTransient(failure) || failed >= channel.maxAttempts()) {
            return false;
        }
        Duration wait = DeliveryFailures.retryAfter(failure)
                .orElse(channel.backoff().multipliedBy(1L << Math.min(failed - 1, 20)));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
        LOG.warn("deliver-{}: {} attempt {} of {} failed ({}); retrying in {} ms", delivery.channel(), delivery.idempotencyKey(),
                failed, channel.maxAttempts(), DeliveryFailures.describe(failure), wait.toMillis());
        return true;
    }
}
