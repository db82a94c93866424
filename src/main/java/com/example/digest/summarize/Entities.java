package com.example.digest.summarize;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The vendors and products a model named, kept only when they occur in the article, as IOCs are: compared after NFKC
 * and case folding, so that a full-width or differently cased spelling in the text still counts. A name is kept as the
 * model wrote it (its original script), once, at most {@link #MAX} of them.
 */
final class Entities {
    static final int MAX = 10;
    private static final int MAX_LENGTH = 80;

    private Entities() {
    }

    static List<String> grounded(List<String> named, String text) {
        if (named == null || text == null) {
            return List.of();
        }
        String haystack = fold(text);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : named) {
            String clean = name == null ? "" : ModelText.clean(name, MAX_LENGTH);
            String key = fold(clean);
            if (key.length() >= 2 && clean.length() < MAX_LENGTH && haystack.contains(key)) {
                kept.putIfAbsent(key, clean);
            }
        }
        return kept.values().stream().limit(MAX).toList();
    }

    /** NFKC, lower case, runs of white space as one space. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
