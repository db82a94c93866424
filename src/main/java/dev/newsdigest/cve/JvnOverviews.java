package dev.newsdigest.cve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import dev.newsdigest.model.CveContext.Jvn;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An answer of MyJVN's {@code getVulnOverviewList} (JVNRSS: RSS 1.0 with {@code sec:} elements and a
 * {@code status:Status} node): the JVN iPedia entry that names a CVE among its references.
 */
public final class JvnOverviews {
    private static final String RSS = "http://purl.org/rss/1.0/";
    private static final String SEC = "http://jvn.jp/rss/mod_sec/3.0/";
    private static final String STATUS = "http://jvndb.jvn.jp/myjvn/Status";

    private JvnOverviews() {
    }

    /**
     * The entry whose {@code sec:references} include {@code cveId}, or null when none does (a keyword search also finds
     * entries that merely mention it). An answer whose status reports an error is refused with its message.
     */
    public static Jvn find(byte[] xml, String cveId) {
        Document doc = parse(xml);
        NodeList status = doc.getElementsByTagNameNS(STATUS, "Status");
        if (status.getLength() > 0 && "1".equals(((Element) status.item(0)).getAttribute("retCd"))) {
            Element s = (Element) status.item(0);
            throw new IllegalArgumentException("MyJVN error " + s.getAttribute("errCd") + ": " + s.getAttribute("errMsg"));
        }
        String wanted = cveId.toUpperCase(Locale.ROOT);
        NodeList items = doc.getElementsByTagNameNS(RSS, "item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            NodeList refs = item.getElementsByTagNameNS(SEC, "references");
            for (int r = 0; r < refs.getLength(); r++) {
                if (wanted.equals(((Element) refs.item(r)).getAttribute("id").trim().toUpperCase(Locale.ROOT))) {
                    String id = text(item, SEC, "identifier");
                    String link = text(item, RSS, "link");
                    if (id != null && id.matches("JVNDB-\\d{4}-\\d{1,7}")) {
                        return new Jvn(id, link != null && link.matches("https://jvndb\\.jvn\\.jp/[!-~]+") ? link : null);
                    }
                }
            }
        }
        return null;
    }

    private static String text(Element parent, String ns, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /** A namespace-aware parse that reads no DTD and no external entity: the answer is untrusted input. */
    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a MyJVN answer: " + e.getMessage(), e);
        }
    }
}
