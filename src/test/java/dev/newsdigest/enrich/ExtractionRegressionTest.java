package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality floors of the extractor on the development sets kept in the repository, each set apart, each the figure measured with
 * {@code mvn -B -Pbench-extract verify} at the last change minus 0.01, so that quality cannot drop silently. Raise them
 * when the extractor improves.
 * <ul>
 * <li>the 88 pages with whole-text truth ({@code src/test/resources/article-extraction}): F1 0.971, precision 0.961
 * (0.974 and 0.967 before the standfirst a page describes itself with was kept: that set's truth leaves such deks out,
 * the snippet set counts them in);</li>
 * <li>the 64 Creative Commons pages of trafilatura's snippet set ({@code src/test/resources/extraction-snippets}), scored
 * by that set's rule: F1 0.971 (precision 0.969, recall 0.974);</li>
 * <li>the short articles beside long comment threads, footers and sidebars ({@code src/test/resources/extraction-short},
 * see {@link ShortArticleSet}), development and holdout pages apart: F1 0.993 and 0.931 (0.992 before the unseen third
 * batch, rdb-folha, 1.000 on it; 0.993 on the first six development pages before two unseen Readability pages were
 * added, 0.988 on those two; 0.993 and 0.717 before a
 * short body under the headline beat teaser lists and dated entries elsewhere, 0.667 and 0.314 before threads and
 * contact blocks were recognised).</li>
 * </ul>
 */
class ExtractionRegressionTest {
    private static final double DEV_F1_FLOOR = 0.961;
    private static final double DEV_PRECISION_FLOOR = 0.951;
    private static final double SNIPPETS_F1_FLOOR = 0.961;
    private static final double SHORT_DEV_F1_FLOOR = 0.982;
    private static final double SHORT_HOLDOUT_F1_FLOOR = 0.921;
    /** A page with this much paragraph text always gives some text. */
    private static final int PARAGRAPH_CHARS = 500;

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void qualityOnTheWholeTextSetStaysAboveTheFloor() {
        ExtractionMetric metric = new ExtractionMetric();
        for (DevelopmentSet.Page page : DevelopmentSet.load()) {
            metric.add(page.truth(), extractor.extract(page.html(), null, page.url()).text());
        }
        ExtractionMetric.Score score = metric.score();
        assertThat(score.f1()).as("F1 (precision %.3f, recall %.3f)", score.precision(), score.recall()).isGreaterThanOrEqualTo(DEV_F1_FLOOR);
        assertThat(score.precision()).isGreaterThanOrEqualTo(DEV_PRECISION_FLOOR);
    }

    @Test
    void qualityOnTheCommittedSnippetSubsetStaysAboveTheFloor() {
        List<SnippetSet.Page> pages = SnippetSet.load(SnippetSet.COMMITTED);
        assertThat(pages).hasSize(64);
        SnippetSet.Score score = SnippetSet.score(pages, extractor);
        assertThat(score.f1()).as("snippet F1 (precision %.3f, recall %.3f, tp/fp/fn %d/%d/%d)", score.precision(), score.recall(),
                score.tp(), score.fp(), score.fn()).isGreaterThanOrEqualTo(SNIPPETS_F1_FLOOR);
    }

    @Test
    void qualityOnTheShortArticlesStaysAboveTheFloorDevelopmentAndHoldoutApart() {
        for (boolean holdout : new boolean[] {false, true}) {
            ExtractionMetric metric = new ExtractionMetric();
            for (DevelopmentSet.Page page : ShortArticleSet.load(holdout)) {
                metric.add(page.truth(), extractor.extract(page.html(), null, page.url()).text());
            }
            ExtractionMetric.Score score = metric.score();
            assertThat(score.f1()).as("short articles, %s: F1 (precision %.3f, recall %.3f)", holdout ? "holdout" : "development",
                    score.precision(), score.recall()).isGreaterThanOrEqualTo(holdout ? SHORT_HOLDOUT_F1_FLOOR : SHORT_DEV_F1_FLOOR);
        }
    }

    @Test
    void noPageWithParagraphTextComesOutEmpty() {
        List<String> empty = new ArrayList<>();
        for (DevelopmentSet.Page page : DevelopmentSet.load()) {
            if (paragraphChars(page.html()) >= PARAGRAPH_CHARS && extractor.extract(page.html(), null, page.url()).text().isBlank()) {
                empty.add(page.url());
            }
        }
        for (SnippetSet.Page page : SnippetSet.load(SnippetSet.COMMITTED)) {
            String text = SnippetSet.text(page, extractor);
            if (paragraphChars(page.html()) >= PARAGRAPH_CHARS && (text == null || text.isBlank())) {
                empty.add(page.name());
            }
        }
        assertThat(empty).isEmpty();
    }

    static int paragraphChars(byte[] html) {
        return ParagraphText.chars(Jsoup.parse(new String(html, PageCharset.resolve(html, null))));
    }
}
