package dev.newsdigest.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * trafilatura's evaluation set (990 pages with snippets that must and must not be in the main text), read from
 * {@code -Dextraction.snippets=DIR}, {@code ../shared/data/extraction-snippets} by default. Too large, and most of its
 * pages not ours to republish, so only a fixed subset is in the repository ({@link #COMMITTED}: the pages upstream
 * records under a Creative Commons license). Scored as its README says: snippets found in the whitespace-normalised
 * output, counts summed over all pages.
 */
final class SnippetSet {
    static final Path DIR = Path.of(System.getProperty("extraction.snippets", "../shared/data/extraction-snippets"));
    /** The subset kept in the repository, read by the regression floor in {@code mvn verify}. */
    static final Path COMMITTED = Path.of("src/test/resources/extraction-snippets");
    /** Python's Unicode {@code \s}, exactly (the README's Java equivalent). */
    private static final Pattern SPACE = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

    record Page(String name, String url, byte[] html, List<String> with, List<String> without) {
    }

    record Score(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        }

        double f1() {
            return 2.0 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
    }

    private SnippetSet() {
    }

    static boolean present() {
        return Files.isRegularFile(DIR.resolve("snippets.json"));
    }

    static List<Page> load() {
        return load(DIR);
    }

    static List<Page> load(Path dir) {
        try {
            JsonNode all = new ObjectMapper().readTree(dir.resolve("snippets.json").toFile());
            List<Page> pages = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) all::fields) {
                byte[] html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html/" + e.getKey() + ".html.gz")))) {
                    html = in.readAllBytes();
                }
                pages.add(new Page(e.getKey(), e.getValue().path("url").isNull() ? null : e.getValue().path("url").asText(), html,
                        strings(e.getValue().path("with")), strings(e.getValue().path("without"))));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("the snippet set at " + dir.toAbsolutePath() + " cannot be read", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    static String norm(String text) {
        return SPACE.matcher(text == null ? "" : text).replaceAll(" ").strip();
    }

    /** The counts of one page's output ({@code null}: nothing extracted). */
    static Score score(Page page, String output) {
        String out = norm(output);
        int tp = (int) page.with().stream().filter(s -> out.contains(norm(s))).count();
        int fp = (int) page.without().stream().filter(s -> out.contains(norm(s))).count();
        return new Score(tp, fp, page.with().size() - tp, page.without().size() - fp);
    }

    /** The summed counts of the extractor's output over {@code pages}; an exception counts as empty output, as upstream scores it. */
    static Score score(List<Page> pages, ArticleExtractor extractor) {
        Score total = new Score(0, 0, 0, 0);
        for (Page p : pages) {
            total = sum(total, score(p, text(p, extractor)));
        }
        return total;
    }

    /** The extractor's text for a page, or null when it threw. */
    static String text(Page p, ArticleExtractor extractor) {
        try {
            return extractor.extract(p.html(), null, p.url() == null ? "https://example.invalid/" : p.url()).text();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Score sum(Score a, Score b) {
        return new Score(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(), a.tn() + b.tn());
    }
}
