package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the article in a cleaned page: every paragraph-like block scores its ancestors by its length and commas, the
 * best container (discounted by its link density) wins, together with the siblings that look like more of it.
 */
final class ContentFinder {
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|main|page|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile(
            "(?i)hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|"
                    + "scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|caption");
    private static final Set<String> TEXT_CONTAINERS = Set.of("p", "pre", "td", "blockquote", "li", "h2", "h3", "h4");

    private ContentFinder() {
    }

    /** The best-scoring container and those of its siblings that look like more of the same article. */
    static List<Element> mainContent(Document doc) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        Element body = doc.body() == null ? doc : doc.body();
        // a teaser's excerpt is not a paragraph of this page, when the page has paragraphs of its own besides
        Map<Element, Boolean> teasers = new IdentityHashMap<>();
        List<Element> blocks = new ArrayList<>();
        int own = 0;
        for (Element block : body.getAllElements()) {
            if (isParagraph(block) && block.text().length() >= 25) {
                blocks.add(block);
                own += TitleBlock.insideTeasers(block, teasers) ? 0 : block.text().length();
            }
        }
        boolean dropTeasers = own >= TitleBlock.OWN_TEXT;
        for (Element block : blocks) {
            if (dropTeasers && TitleBlock.insideTeasers(block, teasers)) {
                continue;
            }
            String text = block.text();
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            Element ancestor = block.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor == doc) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                Double old = scores.get(ancestor); // an ancestor's own score is worked out once, on first sight
                scores.put(ancestor, (old == null ? initialScore(ancestor) : old) + score / divider);
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
        Element titled = TitleBlock.instead(top, body, scores);
        if (titled != null) {
            top = titled; // a short body under the headline beats a longer list of links, teasers or entries elsewhere
            topScore = scores.get(titled);
        }
        Element root = articleRoot(top, body);
        if (root != null) {
            return List.of(root);
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

    private static final Pattern ARTICLE_ROOT = Pattern.compile("(?i)(?:^|[\\s_-])(?:article|post|entry|story)(?:[_-]?(?:body|content|text|inner|main))?(?:$|[\\s])");

    /** The whole article around the best container, when the page marks one and it is not mostly links. */
    private static Element articleRoot(Element top, Element body) {
        for (Element a = top; a != null && a != body; a = a.parent()) {
            boolean marked = a.tagName().equals("article") || a.attr("itemprop").contains("articleBody")
                    || ARTICLE_ROOT.matcher(a.className()).find() || ARTICLE_ROOT.matcher(a.id()).find();
            if (marked) {
                if (a != top && linkDensity(a) < 0.3) {
                    return a;
                }
                return null;
            }
        }
        return null;
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

    static double classWeight(Element el) {
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

    /** The share of an element's text that sits in links. */
    static double linkDensity(Element el) {
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
