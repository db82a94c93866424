package dev.newsdigest.enrich;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * The block around the article's headline against a longer block elsewhere that is not article text. A short body that
 * sits with the page's {@code h1} beats a longer candidate that is mostly links, a list of teasers (each a linked
 * heading and at most one short excerpt) or a run of dated entries of the same make (comments, posts of a thread);
 * and a list of teasers is never prose to take along (see {@link NearbyProse}).
 */
final class TitleBlock {
    /** The paragraph text that makes the headline's block an article: two paragraphs, or this many characters. */
    private static final int MIN_TEXT = 300;
    private static final int MIN_PARAGRAPH = 40;
    /** Teasers' excerpts are left out only when the page has this much paragraph text outside teaser lists. */
    static final int OWN_TEXT = 300;
    /** A candidate with more of its text in links than this is a link list, not an article. */
    private static final double LINK_DENSE = 0.3;
    private static final int MIN_ITEMS = 3;
    /** An excerpt longer than this is more than a teaser's. */
    private static final int EXCERPT = 400;

    /** Set on the block chosen here, so that the page's paragraphs, teasers and entries included, do not replace it. */
    static final String CHOSEN = "data-title-block";

    private TitleBlock() {
    }

    /**
     * The best-scoring block inside the headline's block, when that block holds enough paragraph text and {@code top}
     * lies elsewhere and is not article text (link-dense, teasers, dated entries); otherwise null.
     */
    static Element instead(Element top, Element body, Map<Element, Double> scores) {
        Element h1 = body.selectFirst("h1");
        if (h1 == null || top == body || top.parents().contains(h1) || h1.parents().contains(top) || !notArticle(top)) {
            return null;
        }
        for (Element block = h1.parent(); block != null && block != body; block = block.parent()) {
            if (block.parents().contains(top) || top.parents().contains(block)) {
                return null; // the headline's block reaches the candidate before it holds enough text
            }
            if (enoughText(block)) {
                Element best = null;
                for (Element el : block.getAllElements()) {
                    Double s = scores.get(el);
                    if (s != null && (best == null || s > scores.get(best))) {
                        best = el;
                    }
                }
                if (best != null) {
                    best.attr(CHOSEN, "");
                }
                return best;
            }
        }
        return null;
    }

    /** True when the content was chosen by the headline's block against a list elsewhere. */
    static boolean chosen(java.util.List<Element> content) {
        return content.stream().anyMatch(e -> e.hasAttr(CHOSEN));
    }

    private static boolean enoughText(Element block) {
        int paragraphs = 0;
        int chars = 0;
        for (Element p : block.getElementsByTag("p")) {
            int length = p.text().length();
            paragraphs += length >= MIN_PARAGRAPH ? 1 : 0;
            chars += length;
        }
        return paragraphs >= 2 || chars >= MIN_TEXT;
    }

    /** Link-dense, a teaser list or a run of dated entries, or inside one of the last two. */
    private static boolean notArticle(Element candidate) {
        if (ContentFinder.linkDensity(candidate) > LINK_DENSE) {
            return true;
        }
        for (Element a = candidate; a != null; a = a.parent()) {
            if (isTeaserList(a) || isDatedEntries(a)) {
                return true;
            }
        }
        return false;
    }

    /** Three children or more, two thirds of those with text, each a linked heading and at most one short excerpt. */
    static boolean isTeaserList(Element el) {
        int size = el.childrenSize();
        if (size < MIN_ITEMS) {
            return false;
        }
        int others = 0;
        int teasers = 0;
        for (int i = 0; i < size; i++) {
            Element child = el.child(i);
            if (isTeaser(child)) {
                teasers++;
            } else if (child.hasText()) {
                others++;
            }
            int left = size - i - 1;
            if (teasers + left < MIN_ITEMS || teasers + left < 2 * others) {
                return false; // settled: most blocks of a page fail on their first children
            }
        }
        return true;
    }

    private static boolean isTeaser(Element item) {
        if (item.childrenSize() == 0 || moreThanOne(item, "p")) {
            return false;
        }
        Element heading = item.selectFirst("h2 a, h3 a, h4 a, h5 a, h6 a, a h2, a h3, a h4, a h5, a h6, a[href] > strong");
        if (heading == null || heading.text().length() < 10) {
            return false;
        }
        Element paragraph = item.selectFirst("p");
        if (paragraph != null && paragraph.text().length() > EXCERPT) {
            return false;
        }
        return item.text().length() <= heading.text().length() + EXCERPT + 80; // a date or a label besides
    }

    /** True when an ancestor of the block is a list of teasers; {@code known} keeps the answers for the page. */
    static boolean insideTeasers(Element block, Map<Element, Boolean> known) {
        for (Element a = block.parent(); a != null; a = a.parent()) {
            if (known.computeIfAbsent(a, TitleBlock::isTeaserList)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code el} holds two elements of the tag, found without walking the rest of it. */
    private static boolean moreThanOne(Element el, String tag) {
        int[] seen = {0};
        el.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element e && e.tagName().equals(tag) && ++seen[0] > 1) {
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        });
        return seen[0] > 1;
    }

    /** Three children or more of the same tag and class, two thirds of the children with text, each with a date. */
    static boolean isDatedEntries(Element el) {
        if (el.childrenSize() < MIN_ITEMS) {
            return false;
        }
        Map<String, Integer> kinds = new HashMap<>();
        int withText = 0;
        for (Element child : el.children()) {
            if (child.hasText() && !child.tagName().equals("p")) {
                withText++;
                if (child.childrenSize() >= 2 && ReplyThread.dated(child)) {
                    kinds.merge(child.tagName() + "." + child.className(), 1, Integer::sum);
                }
            } else if (child.hasText()) {
                withText++;
            }
        }
        int most = kinds.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return most >= MIN_ITEMS && most * 3 >= withText * 2;
    }
}
