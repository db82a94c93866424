package dev.newsdigest.enrich;

import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * The article's lead (standfirst, intro, summary) when the page sets it apart from the body, before it: a block named
 * so by its class or id, near the chosen content, with prose rather than links.
 */
final class LeadFinder {
    private static final Pattern LEAD = Pattern.compile("(?i)lead|intro|standfirst|teaser|perex|chapeau|chapo|sapo|entradilla");
    /** How far up from the content the lead may sit. */
    private static final int LEVELS = 4;

    private LeadFinder() {
    }

    /** The lead element, or null when the page marks none near {@code content}. */
    static Element find(List<Element> content) {
        Element first = content.get(0);
        Element scope = first;
        for (int level = 0; level < LEVELS && scope.parent() != null && !scope.parent().tagName().equals("body"); level++) {
            scope = scope.parent();
        }
        List<Element> holdsContent = first.parents();
        for (Element candidate : scope.getAllElements()) { // in document order: what comes before the content
            if (candidate == first) {
                break;
            }
            if (candidate == scope || holdsContent.contains(candidate)) {
                continue;
            }
            String hints = candidate.className() + " " + candidate.id();
            if (hints.isBlank() || !LEAD.matcher(hints).find()) {
                continue;
            }
            int length = candidate.text().length();
            if (length >= 30 && length <= 1500 && ContentFinder.linkDensity(candidate) < 0.2 && candidate.selectFirst("h1") == null) {
                return candidate;
            }
        }
        return null;
    }
}
