package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Removes, inside the chosen content, what is page furniture even there: blocks and lists that are mostly links
 * (teasers, "more on this" lists, tag clouds), and the short heading that introduces such a list. Text and link lengths
 * are counted once, bottom up, so that a deep page costs one walk.
 */
final class Boilerplate {
    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "span", "div", "ul",
            "ol", "dl", "section");
    private static final Set<String> LISTS = Set.of("ul", "ol", "dl");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** A block shorter than this that is mostly links is a teaser or a link line, not prose. */
    private static final int SHORT = 200;
    private static final double MOSTLY_LINKS = 0.5;

    private Boilerplate() {
    }

    static void strip(Element content) {
        Map<Element, int[]> lengths = new IdentityHashMap<>();
        count(content, false, lengths);
        List<Element> drop = new ArrayList<>();
        for (Element block : content.getAllElements()) {
            int[] textAndLinks = lengths.get(block);
            if (block == content || !BLOCKS.contains(block.tagName()) || textAndLinks[0] == 0) {
                continue;
            }
            double density = textAndLinks[1] / (double) textAndLinks[0];
            boolean list = LISTS.contains(block.tagName());
            if ((list || textAndLinks[0] < SHORT) && density > MOSTLY_LINKS) {
                drop.add(block);
                Element before = block.previousElementSibling();
                if (before != null && HEADINGS.contains(before.tagName()) && before.text().length() < 80) {
                    drop.add(before);
                }
            }
        }
        drop.forEach(Element::remove);
    }

    /** The characters of text under {@code el} and of those inside links, for it and each element below it. */
    private static int[] count(Element el, boolean inLink, Map<Element, int[]> lengths) {
        boolean link = inLink || el.tagName().equals("a");
        int text = 0;
        int linked = 0;
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode t) {
                int length = t.text().strip().length();
                text += length;
                linked += link ? length : 0;
            } else if (child instanceof Element e) {
                int[] sub = count(e, link, lengths);
                text += sub[0];
                linked += sub[1];
            }
        }
        int[] result = {text, linked};
        lengths.put(el, result);
        return result;
    }
}
