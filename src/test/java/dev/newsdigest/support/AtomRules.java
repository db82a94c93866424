package dev.newsdigest.support;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of RFC 4287 that the W3C feed validator checks, applied to a feed's bytes: the elements a feed and each
 * entry must have exactly once (id, title, updated), an author for the feed or every entry, a content or an alternate
 * link per entry, no two alternate links of one type, absolute ids, RFC 3339 dates, ids unique across entries, and
 * {@code type="html"} content as escaped text. Then the feed as ROME reads it.
 */
public final class AtomRules {
    public static final String ATOM = "http://www.w3.org/2005/Atom";
    /** RFC 3339 date-time, as RFC 4287 3.3 restricts it: upper-case T and Z, seconds always there. */
    private static final Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private AtomRules() {
    }

    /** Checks {@code xml} against the rules and returns it as ROME reads it. */
    public static Feed check(byte[] xml) {
        Element feed = parse(xml);
        assertThat(feed.getNamespaceURI()).as("root namespace").isEqualTo(ATOM);
        assertThat(feed.getLocalName()).as("root element").isEqualTo("feed");
        checkCommon(feed, "feed");
        List<Element> entries = children(feed, "entry");
        boolean feedAuthor = !children(feed, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        for (Element entry : entries) {
            String where = "entry " + text(children(entry, "id"));
            checkCommon(entry, where);
            assertThat(feedAuthor || !children(entry, "author").isEmpty()).as(where + ": an author, its own or the feed's").isTrue();
            assertThat(children(entry, "content").size()).as(where + ": content at most once").isLessThanOrEqualTo(1);
            assertThat(children(entry, "published").size()).as(where + ": published at most once").isLessThanOrEqualTo(1);
            children(entry, "published").forEach(p -> assertDate(where + " published", p.getTextContent()));
            List<Element> alternates = children(entry, "link").stream()
                    .filter(l -> l.getAttribute("rel").isEmpty() || l.getAttribute("rel").equals("alternate")).toList();
            assertThat(!children(entry, "content").isEmpty() || !alternates.isEmpty()).as(where + ": a content or an alternate link").isTrue();
            assertThat(alternates.stream().map(l -> l.getAttribute("type") + "|" + l.getAttribute("hreflang")))
                    .as(where + ": one alternate link per type and language").doesNotHaveDuplicates();
            for (Element content : children(entry, "content")) {
                if (content.getAttribute("type").equals("html")) {
                    assertThat(elementChildren(content)).as(where + ": html content is escaped text, no element in it").isEmpty();
                }
            }
            assertThat(ids.add(text(children(entry, "id")))).as(where + ": an id no other entry has").isTrue();
        }
        try {
            WireFeedInput input = new WireFeedInput();
            input.setXmlHealerOn(false);
            return (Feed) input.build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("ROME cannot read the feed", e);
        }
    }

    /** What a feed and an entry share: one id (an absolute IRI), one title, one updated (RFC 3339); links with an href. */
    private static void checkCommon(Element element, String where) {
        for (String name : List.of("id", "title", "updated")) {
            assertThat(children(element, name)).as(where + ": exactly one " + name).hasSize(1);
        }
        String id = text(children(element, "id"));
        assertThat(URI.create(id).isAbsolute()).as(where + ": id is an absolute IRI: " + id).isTrue();
        assertDate(where + " updated", text(children(element, "updated")));
        for (Element author : children(element, "author")) {
            assertThat(children(author, "name")).as(where + ": an author has exactly one name").hasSize(1);
        }
        for (Element link : children(element, "link")) {
            assertThat(link.getAttribute("href")).as(where + ": a link has an href").isNotEmpty();
        }
    }

    private static void assertDate(String what, String value) {
        assertThat(value).as(what + " is RFC 3339").matches(RFC_3339);
        OffsetDateTime.parse(value); // and a real date
    }

    private static String text(List<Element> one) {
        return one.isEmpty() ? "" : one.get(0).getTextContent().strip();
    }

    /** The Atom children of {@code parent} named {@code name}. */
    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> elementChildren(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                found.add(e);
            }
        }
        return found;
    }

    /** The feed element of {@code xml}, namespace-aware, with no DTD and no external entity. */
    public static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("the feed is not well-formed XML", e);
        }
    }
}
