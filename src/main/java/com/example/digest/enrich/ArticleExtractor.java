package com.example.digest.enrich;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main text of a news page with jsoup, in the manner of Mozilla's Readability: {@link PageCleaner} drops
 * the page chrome, {@link ContentFinder} picks the article by scoring paragraphs into their containers,
 * {@link BlockText} writes it out a line per block; the page's own JSON-LD {@code articleBody} ({@link JsonLdBody})
 * wins when it holds the whole text.
 */
public class ArticleExtractor {
    private final JsonLdBody jsonLd = new JsonLdBody();

    /** The title and body text of the page; {@code text} holds one paragraph per line, without the title. */
    public record Extracted(String title, String text) {
    }

    /** The main text of a page's bytes; {@code charset} is what the server declared, if anything (see {@link PageCharset}). */
    public Extracted extract(byte[] html, String charset, String baseUri) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), PageCharset.resolve(html, charset).name(), baseUri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Extracted extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri));
    }

    public Extracted extract(Document doc) {
        String title = title(doc);
        String fromJsonLd = jsonLd.find(doc);
        PageCleaner.clean(doc);
        List<Element> content = ContentFinder.mainContent(doc);
        String text = BlockText.of(content, title);
        if (fromJsonLd != null && fromJsonLd.length() > text.length() * 0.8) {
            text = fromJsonLd;
        }
        return new Extracted(title, text);
    }

    private static String title(Document doc) {
        Element og = doc.selectFirst("meta[property=og:title], meta[name=twitter:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").trim();
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().trim();
        }
        return doc.title().trim();
    }
}
