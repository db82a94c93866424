package dev.newsdigest.cve;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.state.CveSourceCache;
import com.fasterxml.jackson.databind.JsonNode;

/** NVD's CVE API 2.0, asked one id at a time: its record of the id is stored as it lists it, or empty when it does not. */
final class NvdSource extends CveSource {
    NvdSource(CveSettings.Source settings, CveSourceCache cache, Clock clock) {
        super(CveSources.NVD, "NVD", settings, cache, clock);
    }

    CveRequest request(String id) {
        return revalidating(List.of(id), url() + "?cveId=" + id);
    }

    @Override
    void store(CveRequest request, byte[] body, String etag, String lastModified) throws IOException {
        JsonNode answer = json(body, a -> a.path("vulnerabilities").isArray(), "not an NVD CVE API 2.0 answer: no vulnerabilities array");
        String id = request.keys().get(0);
        String record = "";
        for (JsonNode v : answer.path("vulnerabilities")) {
            if (id.equalsIgnoreCase(v.path("cve").path("id").asText())) {
                record = JSON.writeValueAsString(v.path("cve"));
            }
        }
        cache.answered(key(), id, record, etag, lastModified);
    }

    /** NVD's stored record of {@code id} (its {@code cve} object), or null. */
    JsonNode record(String id) {
        return tree(id);
    }
}
