package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Footer and address blocks recognised by what they say rather than their names: a block that holds three or more kinds
 * of contact or legal detail (phone or fax, e-mail, postal address, opening hours, copyright or company register) is
 * page furniture, however long its lines. The outermost such block without the headline is removed.
 */
final class ContactBlock {
    // the cheap and rare first: most blocks hold neither an at sign nor opening hours, and are settled before the rest
    private static final Pattern[] KINDS = {
            // e-mail address
            Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]{2,}"),
            // opening hours
            Pattern.compile("(?i)opening hours|office hours|monday to friday|mon(day)?\\s?[-–]\\s?fri(day)?|öffnungszeiten|montag bis freitag|heures d'ouverture"),
            // copyright, company register, VAT number
            Pattern.compile("(?i)©|\\bcopyright\\b|all rights reserved|alle rechte vorbehalten|registered in|registered office|company (number|no\\.?)|\\bvat\\b|"
                    + "\\bhrb\\b|commercial register|handelsregister|ust-?idnr|\\bimpressum\\b|\\bimprint\\b"),
            // phone, fax
            Pattern.compile("(?i)\\b(tel|phone|telephone|fax|telefon|telefax|mobile|mobil|call)\\b\\.?[^\\n]{0,25}?\\+?\\(?\\d[\\d\\s()/-]{6,}|\\+\\d{1,3}[\\s\\d()/-]{7,}"),
            // postal address: a house number and a street, or a postcode before a town
            Pattern.compile("(?i)\\b\\d{1,4}[a-z]?,?\\s+[\\p{L}-]+(\\s[\\p{L}-]+)?\\s(road|street|st\\.|lane|avenue|ave\\.|square|drive|way|boulevard|blvd)\\b|"
                    + "(?<=[\\p{L}-])(straße|strasse|str\\.|weg|platz|allee|gasse)\\s\\d{1,4}|\\b\\d{5}\\s[A-ZÄÖÜ][\\p{L}]+|\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b")};
    /**
     * For each pattern, words one of which (in lower case) every match holds: a text without any cannot match, and is
     * not searched. Null: no such word (an address may be only a postcode and a town).
     */
    private static final String[][] MUST_HOLD = {
            {"@"},
            {"hours", "monday", "fri", "öffnungszeiten", "montag", "heures"},
            {"©", "copyright", "rights reserved", "rechte vorbehalten", "registered", "company", "vat", "hrb", "register", "ust",
                    "impressum", "imprint"},
            {"tel", "phone", "fax", "mobil", "call", "+"},
            null};
    private static final int MIN_KINDS = 3;
    /** A block is removed only when this much paragraph text stays on the page without it. */
    private static final int KEEP_OUTSIDE = 150;
    private static final int MAX_LENGTH = 6000;

    private ContactBlock() {
    }

    static void strip(Element root) {
        // the blocks that hold the headline or the article are entered, never taken: marked once, not searched for each
        Set<Element> holdsArticle = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element marker : root.select("h1, article, main, [itemprop=articleBody]")) {
            for (Element up = marker; up != null; up = up.parent()) {
                if (!holdsArticle.add(up)) {
                    break;
                }
            }
        }
        List<Element> blocks = new ArrayList<>();
        find(root, root, ParagraphText.chars(root), holdsArticle, blocks);
        blocks.forEach(Element::remove);
    }

    /**
     * Top down: a part of a block holds no more kinds than the block, so a block with too few is not entered; the
     * outermost block that qualifies is taken whole. A block that could never be taken (the page, one that holds the
     * headline or more text than a footer) is entered without reading it for contact details: that reading, five
     * patterns over the whole text at each level, was most of the cost of cleaning a page.
     */
    private static void find(Element el, Element root, int pageText, Set<Element> holdsArticle, List<Element> blocks) {
        if (el == root || holdsArticle.contains(el)) {
            for (Element child : el.children()) {
                find(child, root, pageText, holdsArticle, blocks);
            }
            return;
        }
        String text = el.text();
        if (text.length() < 60) {
            return;
        }
        if (text.length() > MAX_LENGTH) {
            for (Element child : el.children()) {
                find(child, root, pageText, holdsArticle, blocks);
            }
            return;
        }
        if (!hasKinds(text, MIN_KINDS)) {
            return;
        }
        if (pageText - ParagraphText.chars(el) >= KEEP_OUTSIDE) {
            blocks.add(el);
            return;
        }
        for (Element child : el.children()) {
            find(child, root, pageText, holdsArticle, blocks);
        }
    }

    /**
     * True when the text holds at least {@code wanted} kinds; stops as soon as that is settled either way, and skips a
     * pattern whose words are not in the text ({@link #MUST_HOLD}).
     */
    private static boolean hasKinds(String text, int wanted) {
        String lower = null;
        int found = 0;
        for (int i = 0; i < KINDS.length; i++) {
            if (found >= wanted || found + KINDS.length - i < wanted) {
                break;
            }
            if (MUST_HOLD[i] != null) {
                lower = lower == null ? text.toLowerCase(Locale.ROOT) : lower;
                if (!containsAny(lower, MUST_HOLD[i])) {
                    continue;
                }
            }
            found += KINDS[i].matcher(text).find() ? 1 : 0;
        }
        return found >= wanted;
    }

    private static boolean containsAny(String text, String[] words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
