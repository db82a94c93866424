package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Drops what is never article text before the content is looked for: scripts, navigation, forms of controls, hidden
 * parts, chrome recognised by class/id (as Readability does, but never the block holding most of the page's paragraph
 * text), and captions, players and teasers even inside the article.
 */
final class PageCleaner {
    /** What a reader never sees as text: scripts, controls, embedded frames and pictures, hidden parts. */
    static final String NEVER_SHOWN = "script, style, noscript, template, iframe, svg, canvas, button, input, select, textarea, "
            + "[hidden], [aria-hidden=true], [style~=display:\\s*none]";
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|"
                    + "menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|"
                    + "agegate|pagination|pager|popup|yom-remote|share|cookie|consent|newsletter|subscribe|outbrain|taboola|"
                    + "promo|recommend|trending|most-?read|skip-link");
    /**
     * Parts that are never body text even inside the article: captions, players, hover cards, link teasers, author
     * boxes and bylines, tag lists, ratings, paywall, donation and newsletter boxes, copyright lines, breadcrumbs.
     */
    private static final Pattern NEVER_BODY = Pattern.compile(
            "(?i)caption|credit|-video|video-|videoplayer|video-?player|hover-?card|tooltip|rollover|inline-?related|dont-?miss|"
                    + "see-?also|read-?more|more-?on-?this|ad-?label|advert|related-?(?:links|articles|stories|content)|"
                    + "author|byline|post-?meta|entry-?meta|tags|rating|paywall|donat|newsletter|copyright|breadcrumb|subscri|signup");
    /** A header by its name may hold the article's lead: it stays when it holds a paragraph of prose. */
    private static final Pattern HEADER_HINT = Pattern.compile("(?i)header");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|mathjax|shadow");
    /** The share of the page's paragraph text that makes a block the page's main text, whatever its class names it. */
    private static final double MOST = 0.5;
    /** A comment section may hold most of a page's text and is still not the article. */
    private static final Pattern COMMENTS = Pattern.compile("(?i)comment|disqus|replies|remark");

    private PageCleaner() {
    }

    /** True when a block holds a paragraph of prose: 80 characters or more of its own text, few of them in links. */
    private static boolean holdsProse(Element block) {
        for (Element el : block.getAllElements()) {
            if ((el.tagName().equals("p") || el.tagName().equals("div")) && el.ownText().length() >= 80 && ContentFinder.linkDensity(el) < 0.2) {
                return true;
            }
        }
        return false;
    }

    /** The paragraph text under each element, counted in one pass over the page's paragraphs. */
    private static final class Prose {
        private final Map<Element, Integer> under = new IdentityHashMap<>();
        private final int page;

        Prose(Document doc) {
            int total = 0;
            for (Element p : doc.getElementsByTag("p")) {
                int length = p.text().length();
                total += length;
                for (Element a = p; a != null; a = a.parent()) {
                    under.merge(a, length, Integer::sum);
                }
            }
            page = total;
        }

        /** True when the block holds most of the page's paragraph text: chrome never does, whatever its name says. */
        boolean mostIn(Element block) {
            return page >= 500 && under.getOrDefault(block, 0) >= page * MOST;
        }
    }

    /** Drops what is never article text: scripts, navigation, forms of controls, hidden parts, and chrome by class/id. */
    static void clean(Document doc) {
        clean(doc, true);
    }

    /**
     * As {@link #clean(Document)}; {@code strict} false drops only what is never text (scripts, controls, hidden parts),
     * for the lenient second pass over a page whose wrapper is named or tagged like chrome ({@code id="mastergridBanner"}
     * or an {@code <aside>} around everything). The body inside a client-side template is then read as markup.
     */
    static void clean(Document doc, boolean strict) {
        if (!strict) {
            for (Element template : doc.select("script[type=text/template], script[type=text/x-template]")) {
                if (template.data().contains("<p")) {
                    template.after(template.data());
                }
            }
        }
        doc.select(NEVER_SHOWN).remove();
        // by their structure and content, whatever their names, and before footers and headers (which hold a reply's
        // date and links) are dropped
        ReplyThread.strip(doc.body() == null ? doc : doc.body());
        ContactBlock.strip(doc.body() == null ? doc : doc.body());
        if (!strict) {
            return;
        }
        doc.select("nav, aside, footer, figcaption, [role=navigation], [role=complementary], [role=contentinfo]").remove();
        for (Element form : doc.select("form")) {
            if (form.text().length() < 300) {
                form.remove(); // a search box or a sign-up form; some sites wrap the whole page in one form
            }
        }
        for (Element header : doc.select("header")) {
            if (header.select("p").size() < 2 && !holdsProse(header)) {
                header.remove(); // a site or article header, unless it holds the article's lead
            }
        }
        // a page repeats its class names: each is matched once
        java.util.Map<String, Boolean> unlikelyHints = new java.util.HashMap<>();
        java.util.Map<String, Boolean> neverHints = new java.util.HashMap<>();
        List<Element> unlikely = new ArrayList<>();
        Prose prose = new Prose(doc);
        for (Element el : doc.getAllElements()) {
            if (el == doc || el.tagName().equals("html") || el.tagName().equals("body") || el.tagName().equals("article")
                    || el.tagName().equals("main")) {
                continue;
            }
            String hints = el.className() + " " + el.id();
            if (!hints.isBlank() && unlikelyHints.computeIfAbsent(hints, h -> UNLIKELY.matcher(h).find() && !MAYBE.matcher(h).find())
                    && el.selectFirst("article, main, [itemprop=articleBody]") == null
                    && !(HEADER_HINT.matcher(hints).find() && holdsProse(el))
                    && !(prose.mostIn(el) && !COMMENTS.matcher(hints).find())) {
                unlikely.add(el);
            }
        }
        unlikely.forEach(Element::remove);
        List<Element> never = new ArrayList<>();
        for (Element el : doc.getAllElements()) {
            String hints = el.className() + " " + el.id();
            if (!hints.isBlank() && neverHints.computeIfAbsent(hints, h -> NEVER_BODY.matcher(h).find()) && el.selectFirst("article, main, [itemprop=articleBody]") == null
                    && el.select("p").size() < 3) {
                never.add(el);
            }
        }
        never.forEach(Element::remove);
    }
}
