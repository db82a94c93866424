package com.example.digest;

import java.time.Clock;

import com.example.digest.config.CveSettings;
import com.example.digest.config.Messages;
import com.example.digest.config.Settings;
import com.example.digest.cve.CveFetcher;
import com.example.digest.cve.CveLookups;
import com.example.digest.cve.CveSources;
import com.example.digest.cve.NvdSync;
import com.example.digest.fetch.Limits;
import com.example.digest.fetch.Outbound;
import com.example.digest.state.StateStore;
import org.apache.camel.CamelContext;

import static com.example.digest.Beans.bind;

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
