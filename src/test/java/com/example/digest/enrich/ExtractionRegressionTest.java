package com.example.digest.enrich;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality floor of the extractor on the development set (src/test/resources/article-extraction): a little under the
 * figure measured with {@code mvn -B -Pbench-extract verify} (F1 0.963, precision 0.960, recall 0.966), so that
 * quality cannot drop silently. Raise it when the extractor improves.
 */
class ExtractionRegressionTest {
    private static final double F1_FLOOR = 0.95;
    private static final double PRECISION_FLOOR = 0.94;

    @Test
    void extractionQualityOnTheDevelopmentSetStaysAboveTheFloor() {
        ArticleExtractor extractor = new ArticleExtractor();
        ExtractionMetric metric = new ExtractionMetric();
        for (DevelopmentSet.Page page : DevelopmentSet.load()) {
            metric.add(page.truth(), extractor.extract(page.html(), null, page.url()).text());
        }
        ExtractionMetric.Score score = metric.score();
        assertThat(score.f1()).as("F1 (precision %.3f, recall %.3f)", score.precision(), score.recall()).isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat(score.precision()).isGreaterThanOrEqualTo(PRECISION_FLOOR);
    }
}
