package com.example.digest.enrich;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts the main text of a news page with jsoup. It prefers the page's own structured data (JSON-LD
 * {@code articleBody}, {@code itemprop="articleBody"}, {@code <article>}) and otherwise scores the DOM by the
 * amount of paragraph text, link density and class/id hints. Navigation, share bars, related links, comments,
 * cookie banners and ads are dropped.
 */
public class ArticleExtractor {
    private static final Pattern JUNK = Pattern.compile(
            "(?i)(^|[\\s_-])(nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommended|comments?|cookie|consent|"
                    + "banner|ads?|advert\\w*|sponsor\\w*|promo\\w*|newsletter|subscribe|sidebar|footer|header|masthead|"
                    + "popup|modal|widget|tags?|author-bio|byline)($|[\\s_-])");
    private static final Pattern GOOD = Pattern.compile("(?i)article|content|entry|post|story|body|main|text");
    private static final int MIN_BLOCK_CHARS = 25;

    private final ObjectMapper json = new ObjectMapper();

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
        String fromJsonLd = jsonLdArticleBody(doc);
        doc.select("script, style, noscript, template, iframe, svg, form, button, input, select, nav, aside, footer, "
                + "header, figcaption, [hidden], [aria-hidden=true], [role=navigation], [role=complementary]").remove();
        Element root = mainElement(doc);
        String text = paragraphs(root, title);
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

    private String jsonLdArticleBody(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                String body = findArticleBody(json.readTree(script.data()));
                if (body != null && body.strip().length() > 200) {
                    return body.strip().replaceAll("[ \\t]*\\n\\s*", "\n");
                }
            } catch (IOException ignored) {
                // broken JSON-LD is common: fall back to the DOM
            }
        }
        return null;
    }

    private static String findArticleBody(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.path("articleBody").isTextual()) {
            return node.get("articleBody").asText();
        }
        for (JsonNode child : node) {
            String found = findArticleBody(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The element that holds the article body: structured markup first, then the best-scoring container. */
    private static Element mainElement(Document doc) {
        Element marked = doc.selectFirst("[itemprop=articleBody]");
        if (marked != null && textLength(marked) > 200) {
            return marked;
        }
        Element bestArticle = null;
        for (Element article : doc.select("article")) {
            if (bestArticle == null || textLength(article) > textLength(bestArticle)) {
                bestArticle = article;
            }
        }
        if (bestArticle != null && textLength(bestArticle) > 200) {
            return bestArticle;
        }
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : doc.select("p, pre, td, div:not(:has(p, div, table))")) {
            int len = p.ownText().length();
            if (len < MIN_BLOCK_CHARS) {
                continue;
            }
            double score = 1 + Math.min(len / 100.0, 3) + p.ownText().split("[,、。]").length * 0.3;
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), score / 2, Double::sum);
                }
            }
        }
        Element best = doc.body() == null ? doc : doc.body();
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            String hints = el.className() + " " + el.id();
            double score = e.getValue() * (1 - linkDensity(el));
            if (GOOD.matcher(hints).find()) {
                score *= 1.25;
            }
            if (JUNK.matcher(hints).find()) {
                score *= 0.3;
            }
            if (score > bestScore) {
                bestScore = score;
                best = el;
            }
        }
        return best;
    }

    /** The readable blocks under {@code root}, one per line, skipping link lists, junk containers and the title. */
    private static String paragraphs(Element root, String title) {
        root.select("*").stream()
                .filter(el -> JUNK.matcher(el.className() + " " + el.id()).find() && textLength(el) < textLength(root) / 2)
                .forEach(Element::remove);
        List<String> lines = new ArrayList<>();
        Elements blocks = root.select("p, h2, h3, h4, li, pre, blockquote, td, div:not(:has(p, div, li, table, pre, blockquote, h2, h3, h4))");
        java.util.Set<Element> chosen = new java.util.HashSet<>(blocks);
        for (Element block : blocks) {
            if (hasChosenAncestor(block, root, chosen)) {
                continue; // already taken with its list item, quote or cell
            }
            String text = block.text().strip();
            boolean heading = block.is("h2, h3, h4");
            if (text.isEmpty() || text.equals(title) || (!heading && text.length() < MIN_BLOCK_CHARS && block.is("div"))) {
                continue;
            }
            if (linkDensity(block) > 0.5) {
                continue;
            }
            lines.add(text);
        }
        if (lines.isEmpty() && root.hasText()) {
            lines.add(root.text().strip());
        }
        return String.join("\n", lines);
    }

    private static boolean hasChosenAncestor(Element block, Element root, java.util.Set<Element> chosen) {
        for (Element p = block.parent(); p != null && p != root; p = p.parent()) {
            if (chosen.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static int textLength(Element el) {
        return el.text().length();
    }

    private static double linkDensity(Element el) {
        int total = el.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : el.select("a")) {
            linked += a.text().length();
        }
        return (double) linked / total;
    }
}
