package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * The second, simpler method of the cascade: every paragraph of the cleaned page with few links, in document order.
 * Used when the main method gives nothing, or too little for the page and the paragraphs read better as prose.
 */
final class ParagraphText {
    /** The end of a line that reads as a sentence (quotes and closing brackets after the stop included). */
    static final Pattern SENTENCE_END = Pattern.compile("[.!?。！？…:;\"”“»«)]\\s*$");

    private ParagraphText() {
    }

    /** The paragraphs of a cleaned page, a line each; read before the main method takes parts of the page away. */
    static String of(Element body) {
        List<String> lines = new ArrayList<>();
        List<String> excerpts = new ArrayList<>();
        Map<Element, Boolean> teasers = new IdentityHashMap<>();
        int own = 0;
        for (Element p : body.select("p, pre, blockquote")) {
            if (insideAnother(p)) {
                continue;
            }
            String line = p.text().strip();
            if (!line.isEmpty() && ContentFinder.linkDensity(p) < 0.3) {
                // a teaser's excerpt is not a paragraph of this page, when the page has paragraphs of its own besides
                boolean excerpt = TitleBlock.insideTeasers(p, teasers);
                lines.add(line);
                if (excerpt) {
                    excerpts.add(line);
                } else {
                    own += line.length();
                }
            }
        }
        if (own >= TitleBlock.OWN_TEXT && !excerpts.isEmpty()) {
            Set<String> drop = Collections.newSetFromMap(new IdentityHashMap<>());
            drop.addAll(excerpts);
            lines.removeIf(drop::contains);
        }
        return String.join("\n", lines);
    }

    private static boolean insideAnother(Element block) {
        for (Element a = block.parent(); a != null; a = a.parent()) {
            if (a.tagName().equals("p") || a.tagName().equals("blockquote") || a.tagName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    /** The characters of all paragraph text of a page as parsed, links included: what the page has to say at most. */
    static int chars(Element page) {
        int chars = 0;
        for (Element p : page.getElementsByTag("p")) {
            chars += p.text().length();
        }
        return chars;
    }

    /**
     * A plain measure of how much of a text reads as prose: the characters of its lines that are long enough and end
     * like sentences, less those of lines that do not.
     */
    static int quality(String text) {
        int score = 0;
        for (String line : text.split("\n")) {
            int length = line.strip().length();
            if (length >= 40 && SENTENCE_END.matcher(line).find()) {
                score += length;
            } else if (length < 40) {
                score -= Math.min(length, 10);
            }
        }
        return score;
    }
}
