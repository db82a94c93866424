package dev.newsdigest;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;

import dev.newsdigest.config.Redact;
import dev.newsdigest.config.Settings;
import dev.newsdigest.cve.Watchlist;
import dev.newsdigest.fetch.InFlight;
import dev.newsdigest.fetch.Outbound;
import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.observe.LogSetup;
import dev.newsdigest.publish.ArticleSlots;
import dev.newsdigest.publish.Collector;
import dev.newsdigest.publish.DigestPublisher;
import dev.newsdigest.publish.DigestRenderer;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.TokenLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.newsdigest.Beans.bind;

/**
 * Binds the beans the routes call, all built from one validated {@link Settings}: the state's ({@link StateBeans}), the
 * fetching's ({@link FetchBeans}), the model's ({@link ModelBeans}), the CVE context's ({@link CveBeans}), the
 * delivery's ({@link DeliveryBeans}), the TAXII server's ({@link TaxiiBeans}), and here the pipeline's own (collecting,
 * publishing, its worker threads). A configuration mistake surfaces here as a {@link dev.newsdigest.config.ConfigException}.
 */
public class DigestConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(DigestConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        // an Error (OutOfMemoryError...) a route would catch as a failure ends the process instead (FatalErrors)
        context.getCamelContextExtension().addInterceptStrategy(dev.newsdigest.cli.FatalErrors.interceptStrategy(System.err));
        LogSetup.applyLevels(context.getPropertiesComponent().loadProperties(key -> key.startsWith(LogSetup.LEVEL_PREFIX)));
        Settings settings = Settings.from(key -> context.getPropertiesComponent().resolveProperty(key).orElse(null), System::getenv);
        Clock clock = new RegistryClock(context, ZoneOffset.UTC);
        LOG.info("news-digest: {} feed(s), provider {}, model {}{}, state {}, output {}", settings.feeds().size(),
                settings.provider().name().toLowerCase(), settings.llmModel(),
                settings.llmBaseUrl().map(u -> " at " + Redact.queryValues(u)).orElse(""), settings.database(),
                settings.outputDir().toAbsolutePath());
        bind(context, "settings", settings);

        InFlight inFlight = new InFlight(clock);
        StateStore store = StateBeans.configure(context, settings, clock, inFlight);
        DigestMetrics metrics = new DigestMetrics(meterRegistry(context));
        TokenLedger ledger = new TokenLedger(store);
        Outbound outbound = FetchBeans.configure(context, settings, clock, inFlight, store, metrics);
        ModelBeans.configure(context, settings, outbound, store, ledger, metrics);
        bind(context, "collector", new Collector(store, metrics, settings.maxNewPerPoll()));
        bind(context, "articleSlots", new ArticleSlots(settings.concurrency()));
        bind(context, "digestPublisher", new DigestPublisher(store, ledger, settings, Watchlist.of(settings.watchlist()), clock));
        bind(context, "digestRenderer", new DigestRenderer(settings.newsMaxFull()));
        DeliveryBeans.configure(context, settings, outbound, store, metrics);
        CveBeans.configure(context, settings, outbound, store, clock, this);
        TaxiiBeans.configure(context, settings, store);
        // exactly digest.concurrency threads for every feed's articles, and a queue without a practical bound, so that a
        // big poll waits its turn instead of running on the feed's own thread (Camel's default profile caps the queue at
        // 1000 and then lets the caller run the task; a size of 0 or less would mean no queue at all)
        ExecutorService workers = context.getExecutorServiceManager().newThreadPool(this, "digest-worker",
                new ThreadPoolProfileBuilder("digest-worker").poolSize(settings.concurrency()).maxPoolSize(settings.concurrency())
                        .maxQueueSize(Integer.MAX_VALUE).build());
        bind(context, "digestWorkers", workers);
    }

    /**
     * The registry Camel's micrometer-prometheus serves on /observe/metrics (it binds one when metrics are on), else a
     * plain one in memory: nobody scrapes a run without metrics, and the pipeline's counters still count.
     */
    private static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            registry = new SimpleMeterRegistry();
            bind(context, "metricsRegistry", registry);
        }
        return registry;
    }
}
