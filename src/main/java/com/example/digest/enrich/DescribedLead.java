package com.example.digest.enrich;

import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The lead the page declares itself: its meta description ({@code description}, {@code og:description},
 * {@code twitter:description}) when the same words also stand in the page as a block of their own, the standfirst
 * above the body. Read before the page is cleaned, since such a lead often sits in a header, a teaser or a caption box
 * the cleaner drops; the words of the description only decide which block it is, the text is the block's.
 */
final class DescribedLead {
    private static final String DESCRIPTIONS = "meta[name=description], meta[property=og:description], meta[name=og:description], "
            + "meta[name=twitter:description], meta[property=twitter:description]";
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u3000]+");
    private static final Pattern CUT = Pattern.compile("\\s*(?:\\.\\.\\.|…|\\[(?:\\.\\.\\.|…)])\\s*$");
    /** Shorter descriptions are labels ("News", a site's slogan), not a lead. */
    private static final int MIN_DESCRIPTION = 40;
    /** The words a block must start with, or hold, to be the described one. */
    private static final int HEAD = 60;
    /** What a lead block may hold beyond its description: more is the body itself, or the whole page. */
    private static final int MAX_EXTRA = 300;
    private static final String BLOCKS = "p, div, span, blockquote, h2, h3, h4, td, li, section, header, strong, em, b, i, a";

    private DescribedLead() {
    }

    /** The described lead's text, or null when the page has no description or no block that shows it. */
    static String find(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        for (Element meta : doc.select(DESCRIPTIONS)) {
            String description = CUT.matcher(normal(meta.attr("content"))).replaceFirst("");
            if (description.length() < MIN_DESCRIPTION) {
                continue;
            }
            String head = description.substring(0, Math.min(HEAD, description.length()));
            String start = head.substring(0, Math.min(20, head.length()));
            for (Element block : body.select(BLOCKS)) {
                if (!normal(block.ownText()).contains(start)) {
                    continue;
                }
                for (Element el = block; el != null && el != body; el = el.parent()) {
                    String text = normal(el.text());
                    if (text.length() > description.length() + MAX_EXTRA) {
                        break;
                    }
                    if (text.contains(head)) {
                        return hidden(el) ? null : text;
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

    private static boolean hidden(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true") || e.attr("style").replace(" ", "").contains("display:none")
                    || e.tagName().equals("noscript") || e.tagName().equals("template")) {
                return true;
            }
        }
        return false;
    }

    static String normal(String text) {
        return SPACE.matcher(text).replaceAll(" ").strip();
    }
}
