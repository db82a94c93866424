package dev.newsdigest.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 88 pages with ground truth, kept in the repository under {@code src/test/resources/article-extraction} (MIT, see
 * its LICENSE and README); {@code -Dextraction.devset=DIR} reads another copy.
 */
final class DevelopmentSet {
    static final Path DIR = Path.of(System.getProperty("extraction.devset", "src/test/resources/article-extraction"));

    record Page(String id, String url, byte[] html, String truth) {
    }

    static List<Page> load() {
        return load(DIR);
    }

    /** A set in the same layout: {@code ground-truth.json} and {@code html/<id>.html.gz}. */
    static List<Page> load(Path dir) {
        try {
            JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
            List<Page> pages = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) truth::fields) {
                byte[] html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html/" + e.getKey() + ".html.gz")))) {
                    html = in.readAllBytes();
                }
                pages.add(new Page(e.getKey(), e.getValue().path("url").asText(), html, e.getValue().path("articleBody").asText()));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("a development set is expected at " + dir.toAbsolutePath(), e);
        }
    }
}
