package dev.newsdigest.cve;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.state.CveSourceCache;

/** MyJVN's overview search, asked one id at a time: the JVN iPedia entry that names the id is stored, or empty when none does. */
final class JvnSource extends CveSource {
    JvnSource(CveSettings.Source settings, CveSourceCache cache, Clock clock) {
        super(CveSources.JVN, "JVN", settings, cache, clock);
    }

    CveRequest request(String id) {
        return new CveRequest(key(), List.of(id), url()
                + "?method=getVulnOverviewList&feed=hnd&rangeDatePublic=n&rangeDatePublished=n&rangeDateFirstPublished=n&keyword="
                + URLEncoder.encode(id, StandardCharsets.UTF_8), "application/xml", null, null);
    }

    @Override
    void store(CveRequest request, byte[] body, String etag, String lastModified) throws IOException {
        CveContext.Jvn entry = JvnOverviews.find(body, request.keys().get(0));
        cache.answered(key(), request.keys().get(0), entry == null ? "" : JSON.writeValueAsString(entry), null, null);
    }

    /** The stored entry for {@code id}, or null. */
    CveContext.Jvn entry(String id) {
        return value(id, CveContext.Jvn.class);
    }
}
