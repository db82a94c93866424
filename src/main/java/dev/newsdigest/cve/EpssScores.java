package dev.newsdigest.cve;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.newsdigest.model.CveContext.Epss;
import com.fasterxml.jackson.databind.JsonNode;

/** An answer of FIRST's EPSS API ({@code /data/v1/epss?cve=...}): numbers arrive as strings. */
public final class EpssScores {
    private EpssScores() {
    }

    /** The scores in {@code data[]}, by CVE id; a row whose numbers do not read as probabilities is left out. */
    public static Map<String, Epss> of(JsonNode answer) {
        if (!answer.path("data").isArray()) {
            throw new IllegalArgumentException("not an EPSS answer: no data array");
        }
        Map<String, Epss> scores = new HashMap<>();
        for (JsonNode row : answer.path("data")) {
            String id = row.path("cve").asText("").trim().toUpperCase(Locale.ROOT);
            Double epss = probability(row.path("epss").asText(""));
            Double percentile = probability(row.path("percentile").asText(""));
            if (!id.isEmpty() && epss != null && percentile != null) {
                scores.put(id, new Epss(epss, percentile, row.path("date").asText(null)));
            }
        }
        return scores;
    }

    private static Double probability(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return v >= 0 && v <= 1 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
