package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * Sibling recovery a few levels up: paragraphs of prose near the chosen content but outside it (a body split into
 * section wrappers, around media or boxes) are added, in document order. Prose: a paragraph long enough, with few links,
 * that ends like a sentence.
 */
final class NearbyProse {
    private static final Set<String> PARAGRAPHS = Set.of("p");
    /** How far up from the content to look. */
    private static final int LEVELS = 3;
    private static final int MIN_LENGTH = 80;

    private NearbyProse() {
    }

    /** The content with the prose paragraphs near it, in document order. */
    static List<Element> around(List<Element> content, Element body) {
        Element scope = content.get(0);
        for (int level = 0; level < LEVELS && scope.parent() != null && scope.parent() != body && !scope.parent().tagName().equals("body"); level++) {
            scope = scope.parent();
        }
        Map<Element, Boolean> inContent = new IdentityHashMap<>();
        for (Element c : content) {
            inContent.put(c, true);
        }
        List<Element> result = new ArrayList<>();
        List<Element> all = scope.getAllElements();
        for (int i = 0; i < all.size(); i++) {
            Element el = all.get(i);
            if (inContent.containsKey(el)) {
                result.add(el);
                i += el.getAllElements().size() - 1; // skip what it holds
                continue;
            }
            if (ContentFinder.classWeight(el) < 0 || TitleBlock.isTeaserList(el) || TitleBlock.isDatedEntries(el)) {
                i += el.getAllElements().size() - 1; // a box named like furniture, teasers of other stories or dated entries: none of it
                continue;
            }
            if (PARAGRAPHS.contains(el.tagName())) {
                String text = el.text();
                if (text.length() >= MIN_LENGTH && ContentFinder.linkDensity(el) < 0.2 && ParagraphText.SENTENCE_END.matcher(text).find()
                        && !insideLink(el, scope)) {
                    result.add(el);
                }
                i += el.getAllElements().size() - 1;
            }
        }
        return result.size() >= content.size() ? result : content;
    }

    /** A paragraph inside a link is a teaser of another page (its dek), not prose of this one. */
    private static boolean insideLink(Element el, Element scope) {
        for (Element a = el.parent(); a != null && a != scope; a = a.parent()) {
            if (a.tagName().equals("a")) {
                return true;
            }
        }
        return false;
    }
}
