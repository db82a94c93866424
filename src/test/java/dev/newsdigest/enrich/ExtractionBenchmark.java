package dev.newsdigest.enrich;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Not a test: prints F1, precision, recall and pages per second of the extractor on each development set apart: the 88
 * pages with whole-text truth, trafilatura's 990-page snippet set when it is found (see {@link SnippetSet}), and the
 * short articles beside long comments, footers and sidebars, development and holdout pages apart (see
 * {@link ShortArticleSet}).
 * Runs only with {@code mvn -B -Pbench-extract verify}; add {@code -Dextraction.details=true} for a line per page.
 */
class ExtractionBenchmark {

    @Test
    void printExtractionQualityAndSpeed() {
        List<DevelopmentSet.Page> pages = DevelopmentSet.load();
        ArticleExtractor extractor = new ArticleExtractor();
        for (int warm = 0; warm < 3; warm++) {
            pages.forEach(p -> extractor.extract(p.html(), null, p.url()));
        }
        ExtractionMetric metric = new ExtractionMetric();
        long start = System.nanoTime();
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            for (DevelopmentSet.Page p : pages) {
                String text = extractor.extract(p.html(), null, p.url()).text();
                if (round == 0) {
                    ExtractionMetric.Page page = metric.add(p.truth(), text);
                    if (Boolean.getBoolean("extraction.details")) {
                        System.out.printf("page %s precision %.3f recall %.3f extracted %d truth %d %s%n", p.id().substring(0, 12),
                                ExtractionMetric.precision(page), ExtractionMetric.recall(page), text.length(), p.truth().length(), p.url());
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ExtractionMetric.Score s = metric.score();
        System.out.printf("%nextraction benchmark: %d pages, F1 %.3f, precision %.3f, recall %.3f, %.1f pages/s on one thread%n",
                pages.size(), s.f1(), s.precision(), s.recall(), rounds * pages.size() / seconds);
        printReadability4j(pages);
        printSnippetSet(extractor);
        printShortArticleSet(extractor, false);
        printShortArticleSet(extractor, true);
    }

    /** The short-article set (see {@link ShortArticleSet}), development and holdout pages apart, with a line per page. */
    private static void printShortArticleSet(ArticleExtractor extractor, boolean holdout) {
        List<DevelopmentSet.Page> pages = ShortArticleSet.load(holdout);
        ExtractionMetric metric = new ExtractionMetric();
        ExtractionMetric[] batches = new ExtractionMetric[ShortArticleSet.BATCHES];
        Arrays.setAll(batches, b -> new ExtractionMetric());
        int[] batchPages = new int[ShortArticleSet.BATCHES];
        for (DevelopmentSet.Page p : pages) {
            String text = extractor.extract(p.html(), null, p.url()).text();
            ExtractionMetric.Page page = metric.add(p.truth(), text);
            int batch = ShortArticleSet.batch(p.id());
            batches[batch].add(p.truth(), text);
            batchPages[batch]++;
            System.out.printf("  short %-8s %-22s precision %.3f recall %.3f extracted %d truth %d%n", holdout ? "holdout" : "dev", p.id(),
                    ExtractionMetric.precision(page), ExtractionMetric.recall(page), text.length(), p.truth().length());
        }
        ExtractionMetric.Score s = metric.score();
        System.out.printf("short articles, %s: %d pages, F1 %.3f, precision %.3f, recall %.3f%n", holdout ? "holdout" : "development",
                pages.size(), s.f1(), s.precision(), s.recall());
        String[] names = {"first", "second", "third"};
        for (int batch = 0; batch < ShortArticleSet.BATCHES; batch++) {
            if (batchPages[batch] > 0) {
                ExtractionMetric.Score b = batches[batch].score();
                System.out.printf("  of which %s batch: %d pages, F1 %.3f, precision %.3f, recall %.3f%n", names[batch],
                        batchPages[batch], b.f1(), b.precision(), b.recall());
            }
        }
    }

    /** trafilatura's 990-page snippet set, scored by its own rule; one line and nothing else when it is not there. */
    private static void printSnippetSet(ArticleExtractor extractor) {
        SnippetSet.Score committed = SnippetSet.score(SnippetSet.load(SnippetSet.COMMITTED), extractor);
        System.out.printf("snippet subset in the repository: 64 pages, F1 %.3f, precision %.3f, recall %.3f%n", committed.f1(),
                committed.precision(), committed.recall());
        if (!SnippetSet.present()) {
            System.out.println("snippet set: not found at " + SnippetSet.DIR.toAbsolutePath() + " (-Dextraction.snippets=DIR); skipped");
            return;
        }
        List<SnippetSet.Page> pages = SnippetSet.load();
        pages.forEach(p -> SnippetSet.text(p, extractor)); // warm-up, as for the first set
        SnippetSet.Score total = new SnippetSet.Score(0, 0, 0, 0);
        int empty = 0;
        int emptyWithParagraphs = 0;
        long nanos = 0;
        for (SnippetSet.Page p : pages) {
            long start = System.nanoTime();
            String text = SnippetSet.text(p, extractor);
            nanos += System.nanoTime() - start;
            if (text == null || text.isBlank()) {
                empty++;
                emptyWithParagraphs += ExtractionRegressionTest.paragraphChars(p.html()) >= 500 ? 1 : 0;
            }
            SnippetSet.Score page = SnippetSet.score(p, text);
            total = SnippetSet.sum(total, page);
            if (Boolean.getBoolean("extraction.details") && (page.fn() > 0 || page.fp() > 0)) {
                System.out.printf("snippets %s tp %d fp %d fn %d extracted %d%n", p.name(), page.tp(), page.fp(), page.fn(),
                        text == null ? 0 : text.length());
            }
        }
        System.out.printf("snippet set (trafilatura's evaluation): %d pages, F1 %.3f, precision %.3f, recall %.3f, %d empty"
                        + " (%d of them with >= 500 characters of paragraph text), tp/fp/fn/tn %d/%d/%d/%d, %.1f pages/s on one thread%n",
                pages.size(), total.f1(), total.precision(), total.recall(), empty, emptyWithParagraphs, total.tp(), total.fp(), total.fn(),
                total.tn(), pages.size() / (nanos / 1e9));
    }

    /** The same measurement for Readability4J, a maintained Java/Kotlin port of Mozilla's Readability, side by side. */
    private static void printReadability4j(List<DevelopmentSet.Page> pages) {
        ExtractionMetric metric = new ExtractionMetric();
        long start = System.nanoTime();
        for (DevelopmentSet.Page p : pages) {
            String html = org.jsoup.Jsoup.parse(new String(p.html(), PageCharset.resolve(p.html(), null))).outerHtml();
            String text = new net.dankito.readability4j.Readability4J(p.url(), html).parse().getTextContent();
            metric.add(p.truth(), text == null ? "" : text);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ExtractionMetric.Score s = metric.score();
        System.out.printf("readability4j 1.0.8:  %d pages, F1 %.3f, precision %.3f, recall %.3f, %.1f pages/s (first pass)%n%n",
                pages.size(), s.f1(), s.precision(), s.recall(), pages.size() / seconds);
    }
}
