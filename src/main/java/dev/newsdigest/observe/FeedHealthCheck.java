package dev.newsdigest.observe;

import java.util.Map;

import dev.newsdigest.state.StateStore;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health of one feed, from its polling record: DOWN once it has failed {@link #FAILURES_FOR_DOWN} polls in a row
 * (one failure is often a blip), with its last poll, last success and error as details.
 */
public class FeedHealthCheck extends AbstractHealthCheck {
    public static final int FAILURES_FOR_DOWN = 3;

    private final String feedId;
    private final StateStore store;

    public FeedHealthCheck(String feedId, StateStore store) {
        super("digest", "feed-" + feedId);
        this.feedId = feedId;
        this.store = store;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        StateStore.FeedStatus status = store.feedStatuses().get(feedId);
        builder.detail("feed", feedId);
        if (status == null) {
            builder.detail("lastPoll", "never").up(); // not polled yet: nothing is wrong so far
            return;
        }
        builder.detail("lastPoll", status.lastPoll() == null ? "never" : status.lastPoll().toString());
        builder.detail("lastSuccess", status.lastSuccess() == null ? "never" : status.lastSuccess().toString());
        builder.detail("consecutiveFailures", status.consecutiveFailures());
        if (status.newItems() != null) {
            builder.detail("newItems", status.newItems());
        }
        if (!status.ok()) {
            builder.detail("error", status.error());
        }
        if (status.consecutiveFailures() >= FAILURES_FOR_DOWN) {
            builder.message("feed " + feedId + " failed " + status.consecutiveFailures() + " polls in a row: " + status.error()).down();
        } else {
            builder.up();
        }
    }
}
