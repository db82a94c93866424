package dev.newsdigest;

import java.time.Clock;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.config.Messages;
import dev.newsdigest.config.Settings;
import dev.newsdigest.cve.CveFetcher;
import dev.newsdigest.cve.CveLookups;
import dev.newsdigest.cve.CveSources;
import dev.newsdigest.cve.NvdSync;
import dev.newsdigest.fetch.Limits;
import dev.newsdigest.fetch.Outbound;
import dev.newsdigest.state.StateStore;
import org.apache.camel.CamelContext;

import static dev.newsdigest.Beans.bind;

/** The CVE context's beans: the sources' answers, the fetcher with its two clients (per id, and NVD's sync), and the lookups. */
final class CveBeans {
    private CveBeans() {
    }

    /** {@code owner}: the configuration, which owns the lookups' thread. */
    static void configure(CamelContext context, Settings settings, Outbound outbound, StateStore store, Clock clock, Object owner) {
        CveSources cveSources = new CveSources(settings.cve(), store.cveSources(), clock, Messages.of(settings.language()));
        bind(context, "cveSources", cveSources);
        CveSettings cve = settings.cve();
        CveFetcher cveFetcher = new CveFetcher(cveSources, outbound.client(new Limits("cve", cve.timeout(), cve.maxBytes(), cve.hosts(), "digest.cve")),
                outbound.client(new Limits("nvd-sync", cve.nvdSync().timeout(), cve.nvdSync().maxBytes(), Limits.hostOf(cve.nvd().url()),
                        "digest.cve.nvd.sync")), cve);
        bind(context, "cveFetcher", cveFetcher);
        bind(context, "cveLookups", new CveLookups(cveSources, cveFetcher, new NvdSync(cveFetcher, store.cveSources(), cve, clock), cve,
                context.getExecutorServiceManager().newSingleThreadExecutor(owner, "cve-lookups")));
    }
}
