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
 * Comment and reply threads recognised by their structure rather than their class names: a block whose children are
 * mostly entries that each carry a date or time and a reply link (the author's name beside them, often as the link to the
 * entry). Removed before the article is looked for, since a long thread under a short post outscores the post.
 */
final class ReplyThread {
    /** The link that answers an entry, in the languages the pages are written in. */
    private static final Pattern REPLY_TEXT = Pattern.compile(
            "(?i)(reply|quote|respond|antworten|zitieren|répondre|responder|rispondi|odpowiedz|beantwoorden|svara|回复|返信)(\\s+to\\b.*)?");
    private static final Pattern REPLY_HREF = Pattern.compile("(?i)reply|respond|replytocom|[?&]quote=");
    /** A date or a time as threads print them: 14 March 2024, May 6, 2024, 10:03, 3 hours ago. */
    static final Pattern DATE = Pattern.compile("(?i)\\b\\d{1,2}[:.]\\d{2}\\b|\\b(19|20)\\d{2}\\b|"
            + "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b|\\b\\d+\\s+(minutes?|hours?|days?|weeks?)\\s+ago\\b");
    private static final int MIN_ENTRIES = 3;
    /** A thread is removed only when this much paragraph text stays on the page without it. */
    private static final int KEEP_OUTSIDE = 150;

    private ReplyThread() {
    }

    /** Removes the outermost reply threads under {@code root}, unless one holds the page's headline or nearly all its text. */
    static void strip(Element root) {
        // only blocks holding three reply links or more can be threads: most pages have none, and cost one pass
        Map<Element, Integer> replyLinks = new IdentityHashMap<>();
        for (Element a : root.getElementsByTag("a")) {
            if (isReplyLink(a)) {
                for (Element up = a.parent(); up != null && up != root; up = up.parent()) {
                    replyLinks.merge(up, 1, Integer::sum);
                }
            }
        }
        if (replyLinks.isEmpty()) {
            return;
        }
        Set<Element> holdsHeadline = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element h1 : root.getElementsByTag("h1")) {
            for (Element up = h1; up != null && holdsHeadline.add(up); up = up.parent()) {
                // marked with its ancestors
            }
        }
        int pageText = ParagraphText.chars(root);
        List<Element> threads = new ArrayList<>();
        for (Element el : root.getAllElements()) {
            // cheap structural tests before any text is read: enough reply links, enough children, three of them with a
            // reply link, not the headline's block, not inside a thread already taken
            if (replyLinks.getOrDefault(el, 0) >= MIN_ENTRIES && el.childrenSize() >= MIN_ENTRIES && !holdsHeadline.contains(el)
                    && childrenWithReply(el, replyLinks) >= MIN_ENTRIES && threads.stream().noneMatch(t -> el.parents().contains(t))
                    && isThread(el) && pageText - ParagraphText.chars(el) >= KEEP_OUTSIDE) {
                threads.add(el);
            }
        }
        threads.forEach(Element::remove);
    }

    /** The children that are or hold a reply link: an upper bound on the entries, known without reading any text. */
    private static int childrenWithReply(Element el, Map<Element, Integer> replyLinks) {
        int count = 0;
        for (Element child : el.children()) {
            count += replyLinks.containsKey(child) || child.tagName().equals("a") && isReplyLink(child) ? 1 : 0;
        }
        return count;
    }

    private static boolean isReplyLink(Element a) {
        String text = a.text().strip();
        return text.length() <= 40 && REPLY_TEXT.matcher(text).matches() || REPLY_HREF.matcher(a.attr("href")).find();
    }

    /** True when most children with text are entries: each dated and each with a reply link. */
    static boolean isThread(Element el) {
        int withText = 0;
        int entries = 0;
        for (Element child : el.children()) {
            if (child.text().length() < 20) {
                continue; // a heading such as "11 responses", a spacer
            }
            withText++;
            entries += isEntry(child) ? 1 : 0;
        }
        return entries >= MIN_ENTRIES && entries * 3 >= withText * 2;
    }

    private static boolean isEntry(Element item) {
        boolean reply = false;
        for (Element a : item.select("a")) {
            if (isReplyLink(a)) {
                reply = true;
                break;
            }
        }
        if (!reply) {
            return false; // the cheap half first: most children of a page's blocks have no reply link
        }
        for (Element a : item.select("a")) {
            String text = a.text().strip();
            if (text.length() <= 40 && DATE.matcher(text).find()) {
                return true;
            }
        }
        return dated(item);
    }

    /** Whether the element holds a {@code time} element or a short line of its own with a date or time ({@link #DATE}). */
    static boolean dated(Element item) {
        if (item.selectFirst("time") != null) {
            return true;
        }
        for (Element small : item.getAllElements()) {
            String own = small.ownText();
            if (!own.isEmpty() && own.length() <= 40 && DATE.matcher(own).find()) {
                return true;
            }
        }
        return false;
    }
}
