package com.example.digest.enrich;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts the main text of a news page with jsoup, in the manner of Mozilla's Readability: page chrome is
 * dropped by tag and by class/id hints, every paragraph-like block scores its ancestors by its length and commas,
 * the best container (discounted by its link density) wins together with its qualifying siblings, and its text is
 * written out block by block. The page's own JSON-LD {@code articleBody} is used when it holds the whole text.
 */
public class ArticleExtractor {
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|"
                    + "menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|"
                    + "agegate|pagination|pager|popup|yom-remote|share|cookie|consent|newsletter|subscribe|outbrain|taboola|"
                    + "promo|recommend|trending|most-?read|skip-link");
    /** Parts that are never body text even inside the article: captions, players, hover cards, link teasers. */
    private static final Pattern NEVER_BODY = Pattern.compile(
            "(?i)caption|credit|-video|video-|videoplayer|video-?player|hover-?card|tooltip|rollover|inline-?related|dont-?miss|"
                    + "see-?also|read-?more|more-?on-?this|ad-?label|advert|related-?(?:links|articles|stories|content)");
    /** Lines that are page furniture wherever they stand. */
    private static final Pattern FURNITURE_LINE = Pattern.compile(
            "(?i)(advertisement|advertising|ad|sponsored|close|video|play|continue reading( below)?|story continues below|"
                    + "scroll to continue|skip (to|navigation).*|share( this)?( article)?|read more|see more|related)\\W*");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|mathjax|shadow");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|main|page|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile(
            "(?i)hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|"
                    + "scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt",
            "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "tr", "td", "th", "br", "hr", "figure",
            "header", "footer", "address", "center");
    private static final Set<String> TEXT_CONTAINERS = Set.of("p", "pre", "td", "blockquote", "li", "h2", "h3", "h4");

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
        clean(doc);
        List<Element> content = mainContent(doc);
        String text = text(content, title);
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
                    return Jsoup.parse(body).text().length() < body.length() * 0.9 && body.contains("<")
                            ? Jsoup.parse(body).text() : body.strip().replaceAll("[ \\t]*\\n\\s*", "\n");
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

    /** Drops what is never article text: scripts, navigation, forms of controls, hidden parts, and chrome by class/id. */
    private static void clean(Document doc) {
        doc.select("script, style, noscript, template, iframe, svg, canvas, button, input, select, textarea, nav, aside, "
                + "footer, figcaption, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], "
                + "[role=contentinfo], [style~=display:\\s*none]").remove();
        for (Element form : doc.select("form")) {
            if (form.text().length() < 300) {
                form.remove(); // a search box or a sign-up form; some sites wrap the whole page in one form
            }
        }
        for (Element header : doc.select("header")) {
            if (header.select("p").size() < 2) {
                header.remove();
            }
        }
        List<Element> unlikely = new ArrayList<>();
        for (Element el : doc.getAllElements()) {
            if (el == doc || el.tagName().equals("html") || el.tagName().equals("body") || el.tagName().equals("article")
                    || el.tagName().equals("main")) {
                continue;
            }
            String hints = el.className() + " " + el.id();
            if (!hints.isBlank() && UNLIKELY.matcher(hints).find() && !MAYBE.matcher(hints).find()
                    && el.selectFirst("article, main, [itemprop=articleBody]") == null) {
                unlikely.add(el);
            }
        }
        unlikely.forEach(Element::remove);
        List<Element> never = new ArrayList<>();
        for (Element el : doc.getAllElements()) {
            String hints = el.className() + " " + el.id();
            if (!hints.isBlank() && NEVER_BODY.matcher(hints).find() && el.selectFirst("article, main, [itemprop=articleBody]") == null
                    && el.select("p").size() < 3) {
                never.add(el);
            }
        }
        never.forEach(Element::remove);
    }

    /** The best-scoring container and those of its siblings that look like more of the same article. */
    private static List<Element> mainContent(Document doc) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        Element body = doc.body() == null ? doc : doc.body();
        for (Element block : body.getAllElements()) {
            if (!isParagraph(block)) {
                continue;
            }
            String text = block.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            Element ancestor = block.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor == doc) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initialScore(ancestor) + score / divider, (old, add) -> old + score / divider);
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            e.setValue(s);
            if (s > topScore) {
                topScore = s;
                top = e.getKey();
            }
        }
        if (top == null) {
            return List.of(body);
        }
        List<Element> content = new ArrayList<>();
        Element parent = top.parent();
        if (parent == null || top == body) {
            content.add(top);
            return content;
        }
        double threshold = Math.max(10, topScore * 0.2);
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                content.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            Double s = scores.get(sibling);
            if (s != null && s + bonus >= threshold) {
                content.add(sibling);
            } else if (sibling.tagName().equals("p")) {
                String text = sibling.text();
                double density = linkDensity(sibling);
                if ((text.length() > 80 && density < 0.25) || (text.length() > 0 && density == 0 && text.matches("(?s).*[.。!?]\\s*$"))) {
                    content.add(sibling);
                }
            }
        }
        return content;
    }

    private static boolean isParagraph(Element el) {
        if (TEXT_CONTAINERS.contains(el.tagName())) {
            return true;
        }
        if (el.tagName().equals("div") || el.tagName().equals("section") || el.tagName().equals("span")) {
            // a div holding text of its own, not only other blocks (Blogger-style text with <br>)
            for (Node child : el.childNodes()) {
                if (child instanceof TextNode t && t.text().strip().length() > 20) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double initialScore(Element el) {
        double score = switch (el.tagName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (el.tagName().equals("article") || el.hasAttr("itemprop") && el.attr("itemprop").contains("articleBody")) {
            score += 25;
        }
        return score + classWeight(el);
    }

    private static double classWeight(Element el) {
        double weight = 0;
        for (String hint : new String[] {el.className(), el.id()}) {
            if (hint.isBlank()) {
                continue;
            }
            if (NEGATIVE.matcher(hint).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(hint).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '、' || c == '，' || c == '。') {
                n++;
            }
        }
        return n;
    }

    /** The text of the chosen elements, a line per block, without the title and without link-list lines. */
    private static String text(List<Element> content, String title) {
        List<String> lines = new ArrayList<>();
        for (Element el : content) {
            // teaser lines made of links ("SEE MORE: ...", lists of other stories) are not the article
            for (Element block : el.select("p, li, h2, h3, h4")) {
                int length = block.text().length();
                if (length > 0 && length < 200 && linkDensity(block) > 0.8) {
                    block.remove();
                }
            }
            StringBuilder current = new StringBuilder();
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        current.append(t.text());
                    } else if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                        flush(current, lines);
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                        flush(current, lines);
                    }
                }
            }, el);
            flush(current, lines);
        }
        lines.removeIf(line -> line.equals(title) || FURNITURE_LINE.matcher(line).matches());
        return String.join("\n", lines);
    }

    private static void flush(StringBuilder current, List<String> lines) {
        String line = current.toString().replaceAll("\\s+", " ").strip();
        if (!line.isEmpty()) {
            lines.add(line);
        }
        current.setLength(0);
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
        return Math.min(1, (double) linked / total);
    }
}
