package com.example.digest.story;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two titles in one language are: the Jaccard similarity of their character 3-gram shingles, after NFKC,
 * case folding, and with punctuation and spaces removed. Syndicated copies score near 1; two stories told in the same
 * template ("ransomware attack on X") score well below, since their names differ.
 */
public final class TitleSimilarity {
    private static final int K = 3;

    private TitleSimilarity() {
    }

    public static double of(String a, String b) {
        Set<String> x = shingles(a);
        Set<String> y = shingles(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    static Set<String> shingles(String title) {
        String s = title == null ? "" : Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{P}\\p{S}\\s]+", "");
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + K <= s.length(); i++) {
            shingles.add(s.substring(i, i + K));
        }
        return shingles;
    }
}
