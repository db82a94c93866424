package dev.newsdigest.observe;

import java.util.Map;

import dev.newsdigest.state.StateStore;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health of publishing and delivery: the last published revision, and per channel its last successful
 * delivery and what is pending. DOWN while a channel has a delivery that failed and is still pending.
 */
public class PublishHealthCheck extends AbstractHealthCheck {
    private final StateStore store;

    public PublishHealthCheck(StateStore store) {
        super("digest", "publish");
        this.store = store;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StateStore.PublishedRevision last = store.lastPublished();
        builder.detail("lastPublish", last == null ? "never" : last.day() + " r" + last.revision() + " at " + last.publishedAt());
        String failing = null;
        for (StateStore.ChannelState channel : store.channelStates().values()) {
            builder.detail(channel.channel() + ".lastDelivery", channel.lastSuccess() == null ? "never" : channel.lastSuccess().toString());
            builder.detail(channel.channel() + ".pending", channel.pending());
            if (channel.failing() > 0) {
                builder.detail(channel.channel() + ".error", channel.lastError());
                failing = failing == null ? channel.channel() : failing + ", " + channel.channel();
            }
        }
        if (failing != null) {
            builder.message("delivery failing on " + failing + "; pending deliveries are retried by the next run").down();
        } else {
            builder.up();
        }
    }
}
