package dev.newsdigest.story;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two titles in one language are: the Jaccard similarity of their words when they are written with spaces,
 * else of their character 3-grams (Japanese), after NFKC and case folding, punctuation left out. Syndicated copies
 * score near 1; two stories told in the same template ("ransomware attack on X") score well below, since their names
 * differ; and a word that only shares letters with another ("Direct" and "Redirect") counts as a different word.
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
        String folded = title == null ? "" : Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{P}\\p{S}]+", " ").strip();
        Set<String> shingles = new HashSet<>();
        if (folded.split("\\s+").length >= 3 && !Stories.language(folded).equals("ja")) {
            for (String word : folded.split("\\s+")) {
                shingles.add(word);
            }
            return shingles;
        }
        String s = folded.replaceAll("\\s+", "");
        for (int i = 0; i + K <= s.length(); i++) {
            shingles.add(s.substring(i, i + K));
        }
        return shingles;
    }
}
