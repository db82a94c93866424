package dev.newsdigest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Repairs a feed that is not well-formed XML so that ROME can read what is left: jsoup's forgiving XML parser
 * closes what was left open and drops stray markup, and every namespace prefix used without a declaration gets one
 * (the usual namespace for well-known prefixes such as {@code dc:}, a placeholder otherwise).
 */
final class LenientXml {
    private static final Map<String, String> KNOWN = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "atom", "http://www.w3.org/2005/Atom",
            "media", "http://search.yahoo.com/mrss/",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "sy", "http://purl.org/rss/1.0/modules/syndication/",
            "wfw", "http://wellformedweb.org/CommentAPI/",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");

    private LenientXml() {
    }

    /** Well-formed UTF-8 XML holding what could be read of {@code body}, or null when nothing feed-like is there. */
    static byte[] repair(byte[] body, String contentType) {
        String text;
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(body), true)
                : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            java.io.StringWriter out = new java.io.StringWriter();
            reader.transferTo(out);
            text = out.toString();
        } catch (IOException e) {
            text = new String(body, StandardCharsets.UTF_8);
        }
        Document doc = Jsoup.parse(text, "", Parser.xmlParser());
        Element root = doc.children().stream().filter(e -> !e.tagName().startsWith("?")).findFirst().orElse(null);
        if (root == null || !(root.tagName().equals("rss") || root.tagName().equals("feed") || root.tagName().endsWith("RDF"))) {
            return null;
        }
        Set<String> used = new LinkedHashSet<>();
        for (Element e : root.getAllElements()) {
            prefix(e.tagName(), used);
            for (Attribute a : e.attributes()) {
                prefix(a.getKey(), used);
            }
        }
        for (String prefix : used) {
            if (!root.hasAttr("xmlns:" + prefix) && !prefix.equals("xml") && !prefix.equals("xmlns")) {
                root.attr("xmlns:" + prefix, KNOWN.getOrDefault(prefix, "urn:x-undeclared:" + prefix));
            }
        }
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false).charset(StandardCharsets.UTF_8);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + root.outerHtml()).getBytes(StandardCharsets.UTF_8);
    }

    private static void prefix(String name, Set<String> used) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            used.add(name.substring(0, colon));
        }
    }
}
