package com.example.digest.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Removes, inside the chosen content, what is page furniture even there: blocks and lists that are mostly links
 * (teasers, "more on this" lists, tag clouds), and the short heading that introduces such a list.
 */
final class Boilerplate {
    private static final Pattern HEADING = Pattern.compile("h[1-6]");

    private Boilerplate() {
    }

    static void strip(Element content) {
        List<Element> drop = new ArrayList<>();
        for (Element block : content.select("p, li, h1, h2, h3, h4, h5, h6, dd, dt, span, div, ul, ol, dl, section")) {
            if (block == content) {
                continue;
            }
            int length = block.text().length();
            if (length == 0) {
                continue;
            }
            boolean list = block.tagName().equals("ul") || block.tagName().equals("ol") || block.tagName().equals("dl");
            double density = ContentFinder.linkDensity(block);
            if ((list && density > 0.5) || (length < 200 && density > 0.5)) {
                drop.add(block);
                Element before = block.previousElementSibling();
                if (before != null && HEADING.matcher(before.tagName()).matches() && before.text().length() < 80) {
                    drop.add(before);
                }
            }
        }
        drop.forEach(Element::remove);
    }
}
