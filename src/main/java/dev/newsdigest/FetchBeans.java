package dev.newsdigest;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Set;
import java.util.function.Predicate;

import dev.newsdigest.config.Settings;
import dev.newsdigest.enrich.ArticleExtractor;
import dev.newsdigest.enrich.PageEnricher;
import dev.newsdigest.enrich.PageFetcher;
import dev.newsdigest.feed.FeedParser;
import dev.newsdigest.feed.FeedReader;
import dev.newsdigest.fetch.AddressGuard;
import dev.newsdigest.fetch.HostLimits;
import dev.newsdigest.fetch.HttpFetcher;
import dev.newsdigest.fetch.InFlight;
import dev.newsdigest.fetch.Limits;
import dev.newsdigest.fetch.Outbound;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.StateStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import static dev.newsdigest.Beans.bind;
import static dev.newsdigest.Beans.closeOnStop;

/**
 * The way out and the beans that fetch through it: the {@link Outbound} every request goes through (its address guard,
 * its requests cut off when the context stops), and the feed reader and page enricher with their clients.
 */
final class FetchBeans {
    private FetchBeans() {
    }

    /** Binds the fetching beans; the outbound, for the other beans' clients. */
    static Outbound configure(CamelContext context, Settings settings, Clock clock, InFlight inFlight, StateStore store, DigestMetrics metrics) {
        // the one way out: every request goes through a client made here, with the limits of its kind (see Outbound)
        Outbound outbound = new Outbound(addressGuard(context, settings), settings.userAgent(), settings.proxy(), inFlight);
        closeOnStop(context, outbound);
        abortRequestsOnStop(context, outbound.inFlight());
        bind(context, "inFlight", outbound.inFlight());
        // feed hosts are the operator's choice and trusted (a redirect away from them is not); page hosts never are
        HttpFetcher feedHttp = outbound.client(new Limits("feed", settings.fetchTimeout(), settings.fetchMaxBytes(), settings.feedHosts(), "digest.fetch"));
        HttpFetcher pageHttp = outbound.client(new Limits("page", settings.fetchTimeout(), settings.fetchMaxBytes(), Set.of(), "digest.fetch"));
        bind(context, "feedReader", new FeedReader(settings, new FeedParser(settings.maxItemAge(), clock), store, metrics, feedHttp));
        bind(context, "pageEnricher", new PageEnricher(
                new PageFetcher(pageHttp, new HostLimits(settings.fetchMaxPerHost(), settings.fetchTimeout(), settings.pollInterval())),
                new ArticleExtractor()));
        return outbound;
    }

    /**
     * At the start of a stop, every request under way is cut off and new ones are refused: a stop must not wait for a
     * server that drips (Camel's graceful shutdown would wait for the exchange to finish, up to its timeout).
     */
    private static void abortRequestsOnStop(CamelContext context, InFlight inFlight) {
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                    inFlight.abortAll("the process is stopping");
                }
            }
        });
    }

    /**
     * The address guard; a test may bind its own decision of which addresses are internal as {@code addressPolicy}
     * (a {@code Predicate<InetAddress>}), to mark a second loopback address as inside. Nothing else binds it.
     */
    @SuppressWarnings("unchecked")
    private static AddressGuard addressGuard(CamelContext context, Settings settings) {
        // looked up when an address is judged: a test binds it after this configuration has run
        return new AddressGuard(settings.allowPrivateAddresses(), address -> {
            Object policy = context.getRegistry().lookupByName("addressPolicy");
            return policy instanceof Predicate<?> p ? ((Predicate<InetAddress>) p).test(address) : AddressGuard.isInternal(address);
        });
    }
}
