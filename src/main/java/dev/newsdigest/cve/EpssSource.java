package dev.newsdigest.cve;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.newsdigest.config.CveSettings;
import dev.newsdigest.model.CveContext;
import dev.newsdigest.state.CveSourceCache;

/** FIRST's EPSS scores, asked for many ids at once: each id's score is stored on its own, or empty when there is none. */
final class EpssSource extends CveSource {
    /** FIRST's API answers up to 100 scores in one request. */
    private static final int BATCH = 100;

    EpssSource(CveSettings.Source settings, CveSourceCache cache, Clock clock) {
        super(CveSources.EPSS, "EPSS", settings, cache, clock);
    }

    /** The requests for {@code ids}, {@value #BATCH} ids at the most in each. */
    List<CveRequest> requests(List<String> ids) {
        List<CveRequest> requests = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
            requests.add(new CveRequest(key(), batch, url() + "?cve=" + String.join(",", batch), JSON_TYPE, null, null));
        }
        return requests;
    }

    @Override
    void store(CveRequest request, byte[] body, String etag, String lastModified) throws IOException {
        Map<String, CveContext.Epss> scores = EpssScores.of(JSON.readTree(body));
        for (String id : request.keys()) {
            CveContext.Epss score = scores.get(id);
            cache.answered(key(), id, score == null ? "" : JSON.writeValueAsString(score), null, null);
        }
    }

    /** The stored score of {@code id}, or null. */
    CveContext.Epss score(String id) {
        return value(id, CveContext.Epss.class);
    }
}
