package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark, as the development set's
 * README describes it): multisets of 4-token shingles over Unicode {@code \w+} tokens, tp/fp/fn per page normalised
 * by their sum, precision and recall averaged over pages, F1 from the two means.
 */
final class ExtractionMetric {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    record Page(double tp, double fp, double fn) {
    }

    record Score(double f1, double precision, double recall) {
    }

    private final List<Page> pages = new ArrayList<>();

    Page add(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(truth);
        Map<List<String>, Integer> p = shingles(predicted);
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> key : keys) {
            int tc = t.getOrDefault(key, 0);
            int pc = p.getOrDefault(key, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        Page page = sum > 0 ? new Page(tp / sum, fp / sum, fn / sum) : new Page(0, 0, 0);
        pages.add(page);
        return page;
    }

    Score score() {
        double precision = pages.stream().filter(p -> p.tp() + p.fp() > 0).mapToDouble(ExtractionMetric::precision).average().orElse(0);
        double recall = pages.stream().filter(p -> p.tp() + p.fn() > 0).mapToDouble(ExtractionMetric::recall).average().orElse(0);
        return new Score(2 * precision * recall / (precision + recall), precision, recall);
    }

    static double precision(Page p) {
        if (p.fp() == 0 && p.fn() == 0) {
            return 1;
        }
        return p.tp() + p.fp() == 0 ? 0 : p.tp() / (p.tp() + p.fp());
    }

    static double recall(Page p) {
        if (p.fp() == 0 && p.fn() == 0) {
            return 1;
        }
        return p.tp() + p.fn() == 0 ? 0 : p.tp() / (p.tp() + p.fn());
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - 4 + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + 4));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }
}
