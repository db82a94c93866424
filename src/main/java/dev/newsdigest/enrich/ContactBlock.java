package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Footer and address blocks recognised by what they say rather than their names: a block that holds three or more kinds
 * of contact or legal detail (phone or fax, e-mail, postal address, opening hours, copyright or company register) is
 * page furniture, however long its lines. The outermost such block without the headline is removed.
 */
final class ContactBlock {
    private static final Pattern[] KINDS = {
            // phone, fax
            Pattern.compile("(?i)\\b(tel|phone|telephone|fax|telefon|telefax|mobile|mobil|call)\\b\\.?[^\\n]{0,25}?\\+?\\(?\\d[\\d\\s()/-]{6,}|\\+\\d{1,3}[\\s\\d()/-]{7,}"),
            // e-mail address
            Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]{2,}"),
            // postal address: a house number and a street, or a postcode before a town
            Pattern.compile("(?i)\\b\\d{1,4}[a-z]?,?\\s+[\\p{L}-]+(\\s[\\p{L}-]+)?\\s(road|street|st\\.|lane|avenue|ave\\.|square|drive|way|boulevard|blvd)\\b|"
                    + "\\b[\\p{L}-]+(straße|strasse|str\\.|weg|platz|allee|gasse)\\s\\d{1,4}|\\b\\d{5}\\s[A-ZÄÖÜ][\\p{L}]+|\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b"),
            // opening hours
            Pattern.compile("(?i)opening hours|office hours|monday to friday|mon(day)?\\s?[-–]\\s?fri(day)?|öffnungszeiten|montag bis freitag|heures d'ouverture"),
            // copyright, company register, VAT number
            Pattern.compile("(?i)©|\\bcopyright\\b|all rights reserved|alle rechte vorbehalten|registered in|registered office|company (number|no\\.?)|\\bvat\\b|"
                    + "\\bhrb\\b|commercial register|handelsregister|ust-?idnr|\\bimpressum\\b|\\bimprint\\b")};
    private static final int MIN_KINDS = 3;
    /** A block is removed only when this much paragraph text stays on the page without it. */
    private static final int KEEP_OUTSIDE = 150;
    private static final int MAX_LENGTH = 6000;

    private ContactBlock() {
    }

    static void strip(Element root) {
        List<Element> blocks = new ArrayList<>();
        find(root, root, ParagraphText.chars(root), blocks);
        blocks.forEach(Element::remove);
    }

    /**
     * Top down: a part of a block holds no more kinds than the block, so a block with too few is not entered; the
     * outermost block that qualifies is taken whole, one that holds the headline or too much text is entered.
     */
    private static void find(Element el, Element root, int pageText, List<Element> blocks) {
        String text = el.text();
        if (text.length() < 60 || kinds(text) < MIN_KINDS) {
            return;
        }
        if (el != root && text.length() <= MAX_LENGTH && el.selectFirst("h1, article, main, [itemprop=articleBody]") == null
                && pageText - ParagraphText.chars(el) >= KEEP_OUTSIDE) {
            blocks.add(el);
            return;
        }
        for (Element child : el.children()) {
            find(child, root, pageText, blocks);
        }
    }

    static int kinds(String text) {
        int kinds = 0;
        for (Pattern kind : KINDS) {
            kinds += kind.matcher(text).find() ? 1 : 0;
        }
        return kinds;
    }
}
