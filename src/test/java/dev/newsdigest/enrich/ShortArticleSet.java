package dev.newsdigest.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Short articles beside longer comment threads, footers and sidebars, in {@code src/test/resources/extraction-short}
 * (see its PROVENANCE.md), in the layout of {@link DevelopmentSet}. A third of the pages is holdout, chosen by a rule
 * fixed before anything was measured: sorted by id, every third (index 2, 5, 8, ...). Nothing is tuned on them. The rule
 * runs per batch, so that pages added later never move an earlier page between development and holdout: the first batch
 * is {@link #FIRST_BATCH}, every other id is in the second batch, each sorted and split on its own.
 */
final class ShortArticleSet {
    static final Path DIR = Path.of("src/test/resources/extraction-short");

    /** The eight pages the set started with; their split was fixed before anything was measured. */
    static final Set<String> FIRST_BATCH = Set.of("own-advisory-replies", "own-footer-notice", "own-news-sidebar", "own-press-release",
            "own-thread-articles", "own-thread-divs", "rdb-tumblr", "rdb-wordpress");

    private ShortArticleSet() {
    }

    /** The pages, first batch then second, each sorted by id; {@code holdout} picks the holdout third or the development rest. */
    static List<DevelopmentSet.Page> load(boolean holdout) {
        List<DevelopmentSet.Page> picked = new ArrayList<>();
        for (boolean first : new boolean[] {true, false}) {
            List<DevelopmentSet.Page> batch = new ArrayList<>(DevelopmentSet.load(DIR));
            batch.removeIf(p -> FIRST_BATCH.contains(p.id()) != first);
            batch.sort(Comparator.comparing(DevelopmentSet.Page::id));
            for (int i = 0; i < batch.size(); i++) {
                if (isHoldout(i) == holdout) {
                    picked.add(batch.get(i));
                }
            }
        }
        return picked;
    }

    /** Whether the page with this id is in the first batch (the eight pages the set started with). */
    static boolean firstBatch(String id) {
        return FIRST_BATCH.contains(id);
    }

    static boolean isHoldout(int indexInSortedIds) {
        return indexInSortedIds % 3 == 2;
    }
}
