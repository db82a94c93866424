package dev.newsdigest.site;

import java.nio.charset.StandardCharsets;

import dev.newsdigest.config.Messages;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The frame every archive page shares: its language, the Content-Security-Policy, the one style sheet, a link to skip to
 * the content, the site's navigation, and an empty {@code main} for the page's own content.
 */
final class SitePage {
    private SitePage() {
    }

    /**
     * A page titled {@code title}; {@code feed}: whether the site has a feed to link; {@code root} is the way back to the
     * site's folder ({@code ""} or {@code "../"}).
     */
    static Document shell(String language, boolean feed, String title, String root) {
        Messages m = Messages.of(language);
        Document doc = new Document("");
        doc.appendChild(new DocumentType("html", "", ""));
        Element html = doc.appendElement("html").attr("lang", language);
        Element head = html.appendElement("head");
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", ArchiveSite.CSP);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        head.appendElement("title").text(title);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", root + "site.css");
        Element body = html.appendElement("body");
        body.appendElement("a").addClass("skip").attr("href", "#main").text(m.get("site.skip"));
        Element nav = body.appendElement("header").appendElement("nav").attr("aria-label", m.get("site.nav"));
        nav.appendElement("a").attr("href", root + "index.html").text(m.get("site.index"));
        nav.appendElement("a").attr("href", root + "search.html").text(m.get("site.search"));
        if (feed) {
            nav.appendElement("a").attr("href", root + "feed.atom").attr("type", "application/atom+xml").text(m.get("site.feed"));
        }
        body.appendElement("main").attr("id", "main");
        body.appendElement("footer").appendElement("p").text(m.get("site.generated"));
        doc.outputSettings().charset(StandardCharsets.UTF_8).indentAmount(1).outline(false);
        return doc;
    }
}
