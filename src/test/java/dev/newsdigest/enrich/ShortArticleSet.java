package dev.newsdigest.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Short articles beside longer comment threads, footers and sidebars, in {@code src/test/resources/extraction-short}
 * (see its PROVENANCE.md), in the layout of {@link DevelopmentSet}. A third of the pages is holdout, chosen by a rule
 * fixed before anything was measured: sorted by id, every third (index 2, 5, 8, ...). Nothing is tuned on them.
 */
final class ShortArticleSet {
    static final Path DIR = Path.of("src/test/resources/extraction-short");

    private ShortArticleSet() {
    }

    /** The pages sorted by id; {@code holdout} picks the holdout third or the development rest. */
    static List<DevelopmentSet.Page> load(boolean holdout) {
        List<DevelopmentSet.Page> all = new ArrayList<>(DevelopmentSet.load(DIR));
        all.sort(Comparator.comparing(DevelopmentSet.Page::id));
        List<DevelopmentSet.Page> picked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (isHoldout(i) == holdout) {
                picked.add(all.get(i));
            }
        }
        return picked;
    }

    static boolean isHoldout(int indexInSortedIds) {
        return indexInSortedIds % 3 == 2;
    }
}
