package com.example.digest.enrich;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Not a test: prints F1, precision, recall and pages per second of the extractor on the development set.
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
    }

    /** trafilatura's 990-page snippet set, scored by its own rule; one line and nothing else when it is not there. */
    private static void printSnippetSet(ArticleExtractor extractor) {
        if (!SnippetSet.present()) {
            System.out.println("snippet set: not found at " + SnippetSet.DIR.toAbsolutePath() + " (-Dextraction.snippets=DIR); skipped");
            return;
        }
        List<SnippetSet.Page> pages = SnippetSet.load();
        SnippetSet.Score total = new SnippetSet.Score(0, 0, 0, 0);
        int empty = 0;
        long start = System.nanoTime();
        for (SnippetSet.Page p : pages) {
            String text;
            try {
                text = extractor.extract(p.html(), null, p.url() == null ? "https://example.invalid/" : p.url()).text();
            } catch (RuntimeException e) {
                text = null; // an exception counts as an empty output, as upstream scores it
            }
            empty += text == null || text.isBlank() ? 1 : 0;
            total = SnippetSet.sum(total, SnippetSet.score(p, text));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("snippet set (trafilatura's evaluation): %d pages, F1 %.3f, precision %.3f, recall %.3f, %d empty,"
                        + " tp/fp/fn/tn %d/%d/%d/%d, %.1f pages/s (first pass)%n", pages.size(), total.f1(), total.precision(),
                total.recall(), empty, total.tp(), total.fp(), total.fn(), total.tn(), pages.size() / seconds);
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
