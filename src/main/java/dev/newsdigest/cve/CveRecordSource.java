package dev.newsdigest.cve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.state.CveSourceCache;
import com.fasterxml.jackson.databind.JsonNode;

/** The CVE Program's record of an id (CVE JSON 5), asked one id at a time: stored whole once it reads as a record. */
final class CveRecordSource extends CveSource {
    CveRecordSource(CveSettings.Source settings, CveSourceCache cache, Clock clock) {
        super(CveSources.RECORD, "CVE", settings, cache, clock);
    }

    CveRequest request(String id) {
        return revalidating(List.of(id), url() + "/" + id);
    }

    @Override
    void store(CveRequest request, byte[] body, String etag, String lastModified) throws IOException {
        json(body, r -> r.path("containers").isObject(), "not a CVE JSON 5 record: no containers");
        cache.answered(key(), request.keys().get(0), new String(body, StandardCharsets.UTF_8), etag, lastModified);
    }

    /** The stored record of {@code id}, or null. */
    JsonNode record(String id) {
        return tree(id);
    }
}
