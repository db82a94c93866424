package dev.newsdigest.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Writes the chosen content as text, a line per block, without the title, link teasers and page furniture. */
final class BlockText {
    /**
     * Lines that are page furniture wherever they stand: the labels of ads, players, share and print buttons, of the
     * "more on this" boxes that follow an article, and of page parts (contact, comments, dates, categories, credits), in
     * the languages the pages are written in.
     */
    private static final Pattern FURNITURE_LINE = Pattern.compile("(advertisement|advertising|advert|ad|don'?t miss|anzeige|werbung|sponsored|close|video|play|"
            + "continue reading( below)?|story continues below|scroll to continue|skip (to|navigation).*|share( this)?( article| story| post)?|"
            + "read more|see more|read (also|next)|related( articles| posts| stories| content| topics)?|you (may|might) also like|"
            + "recommended( for you| articles)?|more (on|about) this( topic| story)?|more stories|about the author|view comments|comments?|"
            + "print|drucken|rezept drucken|artikel drucken|bild anzeigen|teilen|jetzt teilen|diesen artikel teilen|kommentieren|"
            + "(lesen sie )?auch( interessant| lesen)?|mehr (zum thema|zu[rm]? .{1,40}|themen|interessantes|aus dem .{1,30})|"
            + "(ähnliche|empfohlene|weitere) (beiträge|artikel|themen)|schon gelesen|zum weiterlesen|weiterlesen|das könnte sie( auch)? interessieren|"
            + "über den autor|zur person|war (der|dieser) artikel (hilfreich|nützlich)|zurück( zur (übersicht|listenansicht))?|"
            + "lire (aussi|la suite)|à lire aussi|voir aussi|pour lire la suite|le puede interesar|temas relacionados|contenido relacionado|"
            + "noticias relacionadas|lea también|veja também|leia também|leggi anche|czytaj (też|także|więcej)|zobacz (też|także)|drukuj|"
            + "inne artykuły autora|"
            // labels of page parts: contact, comments, dates, categories, credits
            + "kontakt|telefon|weitere informationen|weitere artikel zum thema|neueste artikel|kommentare( schreiben| insgesamt)?|"
            + "kommentierte artikel|beitrag teilen|lesen sie auch.{0,40}|auch lesen|aktualisiert( am)?.{0,30}|"
            + "(dieser (text|eintrag|beitrag) wurde )?veröffentlicht( am)?.{0,30}|von|credit|beitragsbild|titelbild|inhaltsverzeichnis|"
            + "release date.{0,30}|last modified.{0,30}|aufrufe.{0,10}|kategorie: .{1,40}|category ?: .{1,40}|related coverage|news|pdf|"
            + "community|aktuell|publikacja.{0,30}|permalien|permalink|quellenangaben|zusatzinformationen|"
            + "empfehlungen aus dem.{0,30}|mehr kolumnen.{0,40}|deine e-mail-adresse|alle angaben ohne gewähr|- ?anzeige ?-|"
            // a date or a time alone
            + "\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}\\s?(am|pm|uhr)?)\\W*");
    /**
     * Short lines that are notices, not prose: copyright, newsletter, subscription and follow-us prompts, advertising
     * labels, photo credits. Words that security news uses in prose (subscribers, state-sponsored, affiliates, cookies,
     * log-in pages) are not among them.
     */
    private static final Pattern NOTICE = Pattern.compile("©|\\(c\\)\\s*\\d{4}|all rights reserved|alle rechte vorbehalten|"
            + "tous droits réservés|todos los derechos|subscribe (now|to our|for)|sign up for|jetzt abonnieren|newsletter|follow us|"
            + "folgen sie uns|s[ií]guenos|siga-nos|obserwuj nas|follow .{1,40} on (twitter|facebook|instagram)|"
            + "already a subscriber|please subscribe|to view the full (story|article)|log in for (immediate )?access|"
            + "support(ing)? our work|advertising disclosure|may receive compensation|affiliate[- ]links|letter to the editor|"
            + "suggested citation|download the .{1,30} apps?\\b|jetzt (anmelden|bestellen|testen)|^werbung\\b|^anzeige\\b|^sponsored\\b|"
            + "^\\(?(foto|photo|bild|image|quelle|source|credit|titelbild|beitragsbild|bildnachweis|crédits? photos?|copyright)s?\\s*:|getty images|"
            // date stamps and the comment form's promise
            + "^(first )?(stand|publiziert|veröffentlicht|veröffentlichung|erschienen|news date|posted|published|updated)( am| on| in)?\\s*:?\\s*"
            + "(\\d|jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])|"
            + "(requires|enable|aktivieren sie) javascript|javascript (is )?(required|disabled)|tell us what you think|^\\[\\w+[^\\]]*].*\\[/\\w+]$|"
            + "e-?mail[- ]?adresse wird nicht veröffentlicht|email address will not be published");
    /** A notice or a label is a short line; a longer one is prose that mentions such a word. */
    private static final int NOTICE_LENGTH = 160;
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt",
            "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "tr", "td", "th", "br", "hr", "figure",
            "header", "footer", "address", "center");

    private BlockText() {
    }

    /** The text of the chosen elements, a line per block, without the title and without link-list lines. */
    static String of(List<Element> content, String title) {
        List<String> lines = new ArrayList<>();
        for (Element el : content) {
            // teaser lines made of links ("SEE MORE: ...", lists of other stories) are not the article
            Boilerplate.strip(el);
            StringBuilder current = new StringBuilder();
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        current.append(t.text());
                    } else if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                        flush(current, lines);
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                        flush(current, lines);
                    }
                }
            }, el);
            flush(current, lines);
        }
        lines.removeIf(line -> line.equals(title) || (line.length() < NOTICE_LENGTH && furniture(line.toLowerCase(Locale.ROOT))));
        return String.join("\n", lines);
    }

    /** The patterns are written in lower case and read a lower-cased line: one case fold per line, not one per letter tried. */
    private static boolean furniture(String lowerCased) {
        return FURNITURE_LINE.matcher(lowerCased).matches() || NOTICE.matcher(lowerCased).find();
    }

    private static void flush(StringBuilder current, List<String> lines) {
        String line = current.toString().replaceAll("\\s+", " ").strip();
        if (!line.isEmpty()) {
            lines.add(line);
        }
        current.setLength(0);
    }
}
