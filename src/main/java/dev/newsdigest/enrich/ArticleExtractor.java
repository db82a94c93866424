package dev.newsdigest.enrich;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main text of a news page with jsoup, in the manner of Mozilla's Readability: {@link PageCleaner} drops
 * the page chrome, {@link ContentFinder} picks the article by scoring paragraphs into their containers,
 * {@link NearbyProse} and {@link LeadFinder} add the prose and the lead around it, {@link BlockText} writes it out a line
 * per block. A cascade stands behind it (see {@code extract(Supplier)}): the page's paragraphs ({@link ParagraphText}),
 * a lenient pass, and the page's own JSON-LD {@code articleBody} ({@link JsonLdBody}) when it holds the whole text. The
 * standfirst the page describes itself with ({@link DescribedLead}) goes first when the text does not hold it yet.
 */
public class ArticleExtractor {
    /** Main text shorter than this, and than half the page's paragraph text, sends the page through the lenient pass. */
    private static final int MIN_TEXT = 500;
    /** The main method's text is implausibly short when under this share of the paragraphs' and under SHORT_TEXT. */
    private static final double SHORT_SHARE = 0.4;
    private static final int SHORT_TEXT = 2000;
    private final JsonLdBody jsonLd = new JsonLdBody();

    /** The title and body text of the page; {@code text} holds one paragraph per line, without the title. */
    public record Extracted(String title, String text) {
    }

    /** The main text of a page's bytes; {@code charset} is what the server declared, if anything (see {@link PageCharset}). */
    public Extracted extract(byte[] html, String charset, String baseUri) {
        String name = PageCharset.resolve(html, charset).name();
        return extract(() -> {
            try {
                return Jsoup.parse(new ByteArrayInputStream(html), name, baseUri);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public Extracted extract(String html, String baseUri) {
        return extract(() -> Jsoup.parse(html, baseUri));
    }

    /**
     * The cascade: the main method on the cleaned page; the page's paragraphs when that gives nothing, or too little for
     * the page while they read better as prose; when that is still short of the page's own paragraph text, the same
     * again on a page cleaned by tag only (parsed anew); last, the page's JSON-LD body when it is the whole text.
     */
    private Extracted extract(Supplier<Document> parse) {
        Document doc = parse.get();
        String title = title(doc);
        String fromJsonLd = jsonLd.find(doc);
        String lead = DescribedLead.find(doc);
        int paragraphChars = ParagraphText.chars(doc);
        String text = body(doc, title, true);
        if (text.length() < MIN_TEXT && text.length() < paragraphChars / 2) {
            String lenient = body(parse.get(), title, false);
            if (ParagraphText.quality(lenient) > ParagraphText.quality(text)) {
                text = lenient;
            }
        }
        if (fromJsonLd != null && fromJsonLd.length() > text.length() * 0.8) {
            text = fromJsonLd;
        }
        return new Extracted(title, DescribedLead.prepend(lead, text));
    }

    /** The main method on a page cleaned as asked, or the page's paragraphs when that gives too little (see above). */
    private static String body(Document doc, String title, boolean cleanByClass) {
        PageCleaner.clean(doc, cleanByClass);
        String fallback = ParagraphText.of(doc.body() == null ? doc : doc.body());
        List<Element> content = NearbyProse.around(ContentFinder.mainContent(doc), doc.body());
        Element lead = LeadFinder.find(content);
        if (lead != null) {
            content = new java.util.ArrayList<>(content);
            content.add(0, lead);
        }
        String text = BlockText.of(content, title);
        boolean tooShort = text.length() < fallback.length() * SHORT_SHARE && text.length() < SHORT_TEXT;
        // the page's paragraphs are no better when the headline's block was chosen against a list elsewhere: they hold it
        if (text.isBlank() || (tooShort && !TitleBlock.chosen(content) && ParagraphText.quality(fallback) > ParagraphText.quality(text))) {
            text = fallback;
        }
        return text;
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
