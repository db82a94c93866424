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
 * is {@link #FIRST_BATCH}, the second {@link #SECOND_BATCH}, every other id is in the third batch, each sorted and split
 * on its own.
 */
final class ShortArticleSet {
    static final Path DIR = Path.of("src/test/resources/extraction-short");

    /** The eight pages the set started with; their split was fixed before anything was measured. */
    static final Set<String> FIRST_BATCH = Set.of("own-advisory-replies", "own-footer-notice", "own-news-sidebar", "own-press-release",
            "own-thread-articles", "own-thread-divs", "rdb-tumblr", "rdb-wordpress");

    /**
     * The two pages added next. Closed: a page sorting before one of them (rdb-folha before rdb-liberation) would have moved
     * rdb-tmz to holdout, so later pages go to the third batch.
     */
    static final Set<String> SECOND_BATCH = Set.of("rdb-liberation", "rdb-tmz");

    /** Batches in the order they were added. */
    static final int BATCHES = 3;

    private ShortArticleSet() {
    }

    /** The pages, batch by batch, each sorted by id; {@code holdout} picks the holdout third or the development rest. */
    static List<DevelopmentSet.Page> load(boolean holdout) {
        List<DevelopmentSet.Page> picked = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            int wanted = b;
            List<DevelopmentSet.Page> batch = new ArrayList<>(DevelopmentSet.load(DIR));
            batch.removeIf(p -> batch(p.id()) != wanted);
            batch.sort(Comparator.comparing(DevelopmentSet.Page::id));
            for (int i = 0; i < batch.size(); i++) {
                if (isHoldout(i) == holdout) {
                    picked.add(batch.get(i));
                }
            }
        }
        return picked;
    }

    /** The batch of the page with this id: 0 for the eight pages the set started with, 1 for the second, 2 for the rest. */
    static int batch(String id) {
        return FIRST_BATCH.contains(id) ? 0 : SECOND_BATCH.contains(id) ? 1 : 2;
    }

    static boolean isHoldout(int indexInSortedIds) {
        return indexInSortedIds % 3 == 2;
    }
}
