package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The lead the page declares itself: its meta description ({@code description}, {@code og:description},
 * {@code twitter:description}) when the same words also stand in the page as a block of their own, the standfirst
 * above the body. Read before the page is cleaned, since such a lead often sits in a header, a teaser or a caption box
 * the cleaner drops; the words of the description only decide which block it is, the text is the block's.
 */
final class DescribedLead {
    private static final Set<String> DESCRIPTIONS = Set.of("description", "og:description", "twitter:description");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u3000]+");
    private static final Pattern CUT = Pattern.compile("\\s*(?:\\.\\.\\.|…|\\[(?:\\.\\.\\.|…)])\\s*$");
    /** Shorter descriptions are labels ("News", a site's slogan), not a lead. */
    private static final int MIN_DESCRIPTION = 40;
    /** The words a block must start with, or hold, to be the described one. */
    private static final int HEAD = 60;
    /** What a lead block may hold beyond its description: more is the body itself, or the whole page. */
    private static final int MAX_EXTRA = 300;
    /** Blocks that start like the description and are looked at, each with its ancestors: a hostile page cannot make it more. */
    private static final int MAX_TRIED = 20;
    /** A page names its description in three tags at most; more are not read. */
    private static final int MAX_DESCRIPTIONS = 3;
    private static final Set<String> BLOCKS = Set.of("p", "div", "span", "blockquote", "h2", "h3", "h4", "td", "li", "section", "header",
            "strong", "em", "b", "i", "a");

    private DescribedLead() {
    }

    /** The described lead's text, or null when the page has no description or no block that shows it. */
    static String find(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        Set<String> descriptions = new LinkedHashSet<>();
        for (Element meta : doc.getElementsByTag("meta")) {
            if (!DESCRIPTIONS.contains(meta.attr("name").toLowerCase(Locale.ROOT))
                    && !DESCRIPTIONS.contains(meta.attr("property").toLowerCase(Locale.ROOT))) {
                continue;
            }
            String description = CUT.matcher(normal(meta.attr("content"))).replaceFirst("");
            if (description.length() >= MIN_DESCRIPTION && descriptions.size() < MAX_DESCRIPTIONS) {
                descriptions.add(description);
            }
        }
        if (descriptions.isEmpty()) {
            return null;
        }
        List<Element> blocks = new ArrayList<>();
        List<String> owns = new ArrayList<>();
        for (Element block : body.getAllElements()) {
            if (!BLOCKS.contains(block.normalName()) || !holdsText(block)) {
                continue;
            }
            String own = block.ownText(); // jsoup has folded the ASCII spaces already; the rarer ones are folded here
            if (own.length() >= 20) {
                blocks.add(block);
                owns.add(folded(own) ? own : normal(own));
            }
        }
        int tried = 0;
        for (String description : descriptions) {
            String head = description.substring(0, Math.min(HEAD, description.length()));
            for (int i = 0; i < blocks.size(); i++) {
                if (!owns.get(i).contains(head.substring(0, 20))) {
                    continue;
                }
                if (++tried > MAX_TRIED) {
                    return null; // a page that repeats the words this often is not showing a lead: do not read it all again
                }
                for (Element el = blocks.get(i); el != null && el != body; el = el.parent()) {
                    String text = normal(el.text());
                    if (text.length() > description.length() + MAX_EXTRA) {
                        break;
                    }
                    if (text.contains(head)) {
                        return el.closest(PageCleaner.NEVER_SHOWN) != null ? null : text;
                    }
                }
            }
        }
        return null;
    }

    /** The text with the lead first, unless it holds the lead already. */
    static String prepend(String lead, String text) {
        if (lead == null) {
            return text;
        }
        String head = lead.substring(0, Math.min(HEAD, lead.length()));
        return normal(text).contains(head) ? text : text.isEmpty() ? lead : lead + "\n" + text;
    }

    /** True when the text has no space left to fold: no rare spaces, no doubled ones, none at its ends. */
    private static boolean folded(String text) {
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (space && (c != ' ' || previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return previous != ' ';
    }

    private static boolean holdsText(Element block) {
        for (Node child : block.childNodes()) {
            if (child instanceof TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    static String normal(String text) {
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
