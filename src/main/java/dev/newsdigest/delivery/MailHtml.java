package dev.newsdigest.delivery;

import java.util.Map;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The HTML of the digest, for the mail and the Atom feed's content: the digest's Markdown rendered by CommonMark (raw HTML
 * escaped, unsafe URLs dropped), cleaned to a safelist without scripts or images, and given inline styles, since mail
 * clients and feed readers ignore style sheets.
 */
public class MailHtml {
    private static final Map<String, String> STYLES = Map.of(
            "h1", "font-size:22px;margin:0 0 16px 0;color:#1a1a1a;",
            "h2", "font-size:18px;margin:24px 0 8px 0;padding-bottom:4px;border-bottom:1px solid #dddddd;color:#1a1a1a;",
            "h3", "font-size:16px;margin:20px 0 4px 0;color:#1a1a1a;",
            "p", "margin:0 0 12px 0;line-height:1.6;",
            "ul", "margin:4px 0 12px 0;padding-left:22px;",
            "li", "margin:2px 0;line-height:1.5;",
            "a", "color:#0b57d0;text-decoration:underline;",
            "hr", "border:none;border-top:1px solid #dddddd;margin:24px 0 8px 0;",
            "code", "font-family:Consolas,Menlo,monospace;font-size:13px;");
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addTags("hr")
            .addProtocols("a", "href", "http", "https")
            .addAttributes(":all", "style");

    /** Built on the first mail: a run that sends none does not load the Markdown library. */
    private final com.google.common.base.Supplier<Parser> parser = com.google.common.base.Suppliers.memoize(() -> Parser.builder().build());
    private final com.google.common.base.Supplier<HtmlRenderer> renderer = com.google.common.base.Suppliers.memoize(
            () -> HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build());

    /** The whole HTML document of the mail, titled {@code title}. */
    public String render(String markdown, String title) {
        Document doc = Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title></title></head><body></body></html>");
        doc.title(title);
        doc.body().attr("style", "margin:0;padding:0;background:#ffffff;").appendChild(container(markdown));
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        return doc.outerHtml();
    }

    /** The same rendering without the document around it: one {@code div}, as the Atom feed's content carries it. */
    public String fragment(String markdown) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false).charset("UTF-8");
        return doc.body().appendChild(container(markdown)).html();
    }

    private Element container(String markdown) {
        Element container = body(markdown)
                .attr("style", "max-width:760px;margin:0 auto;padding:16px;font-family:-apple-system,'Segoe UI',"
                        + "'Hiragino Sans','Meiryo',Arial,sans-serif;font-size:14px;color:#222222;");
        STYLES.forEach((tag, style) -> container.select(tag).forEach(e -> e.attr("style", style)));
        return container;
    }

    /**
     * The digest's Markdown as safe HTML in one {@code div}, without styles: CommonMark with raw HTML escaped and unsafe
     * URLs dropped, cleaned to the safelist, the bare URL under each item heading made a link, every link
     * {@code rel="noopener"}. The archive site's day pages are this, styled by their style sheet.
     */
    public Element body(String markdown) {
        Element container = new Element("div");
        container.append(Jsoup.clean(renderer.get().render(parser.get().parse(markdown)), ALLOWED));
        // the URL under each item heading is plain text in the Markdown: make it a link
        for (Element p : container.select("p")) {
            String text = p.text();
            if (p.children().isEmpty() && text.matches("https?://\\S+")) {
                p.empty().appendElement("a").attr("href", text).text(text);
            }
        }
        container.select("a").forEach(a -> a.attr("rel", "noopener"));
        return container;
    }
}
