package dev.newsdigest.cve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.state.CveSourceCache;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CISA's KEV catalog, asked whole: stored as one answer (under {@link #CATALOG}) once it reads as a catalog. */
final class KevSource extends CveSource {
    private static final Logger LOG = LoggerFactory.getLogger(KevSource.class);
    /** The key of the one answer, the whole catalog. */
    static final String CATALOG = "catalog";

    KevSource(CveSettings.Source settings, CveSourceCache cache, Clock clock) {
        super(CveSources.KEV, "KEV", settings, cache, clock);
    }

    CveRequest request() {
        return revalidating(List.of(CATALOG), url());
    }

    @Override
    void store(CveRequest request, byte[] body, String etag, String lastModified) throws IOException {
        KevCatalog catalog = KevCatalog.of(JSON.readTree(body));
        cache.answered(key(), CATALOG, new String(body, StandardCharsets.UTF_8), etag, lastModified);
        LOG.info("cve-context: KEV catalog read, {} entries", catalog.size());
    }

    /** A 404 for the catalog is a failure: it does not say that the catalog lists none of the ids. */
    @Override
    boolean notListedBy404() {
        return false;
    }

    /** The stored catalog, or null when there is none. */
    KevCatalog catalog() {
        JsonNode catalog = tree(CATALOG);
        return catalog == null ? null : KevCatalog.of(catalog);
    }
}
