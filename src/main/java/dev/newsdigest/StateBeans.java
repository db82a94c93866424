package dev.newsdigest;

import java.time.Clock;
import java.util.List;

import dev.newsdigest.config.Settings;
import dev.newsdigest.delivery.Deliveries;
import dev.newsdigest.fetch.InFlight;
import dev.newsdigest.observe.FeedHealthCheck;
import dev.newsdigest.observe.PublishHealthCheck;
import dev.newsdigest.observe.StatusChannel;
import dev.newsdigest.observe.StatusReport;
import dev.newsdigest.state.Retention;
import dev.newsdigest.state.StateStore;
import org.apache.camel.CamelContext;

import static dev.newsdigest.Beans.bind;
import static dev.newsdigest.Beans.closeOnStop;

/**
 * The state's beans: the store (closed when the context stops), the status channel beside it, the health checks that
 * read it, and the retention that prunes it.
 */
final class StateBeans {
    private StateBeans() {
    }

    /** Binds the state's beans; the store, for the beans that keep their state in it. */
    static StateStore configure(CamelContext context, Settings settings, Clock clock, InFlight inFlight) {
        // connections: one per article in progress, and a few for polls, publishing, delivery and status
        StateStore store = new StateStore(settings.stateDir(), settings.database(), settings.concurrency() + 4, settings.timezone(),
                settings.lease(), clock);
        closeOnStop(context, store);
        // status beside this process: answered on a socket in the owner-only state folder, never through the database
        StatusChannel.open(settings.stateDir(), () -> StatusReport.render(settings, store, inFlight.list())).ifPresent(ch -> closeOnStop(context, ch));
        // health checks in the registry are picked up by Camel's health-check registry (/observe/health)
        settings.feeds().forEach(feed -> bind(context, "feedHealth-" + feed.id(), new FeedHealthCheck(feed.id(), store)));
        bind(context, "publishHealth", new PublishHealthCheck(store));
        bind(context, "stateStore", store);
        bind(context, "retention", new Retention(store, settings.retention(), settings.archiveRetention(),
                List.of(settings.llmCacheDir(), Deliveries.deliveredDeadLetters(settings.stateDir())), clock));
        return store;
    }
}
