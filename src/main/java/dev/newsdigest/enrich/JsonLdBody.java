package dev.newsdigest.enrich;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** The page's own JSON-LD {@code articleBody}, when it holds real text. */
final class JsonLdBody {
    /** Made on first use: a run with nothing to do never loads Jackson. */
    private final com.google.common.base.Supplier<ObjectMapper> json = com.google.common.base.Suppliers.memoize(() -> new ObjectMapper());

    String find(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                String body = findArticleBody(json.get().readTree(script.data()));
                if (body != null && body.strip().length() > 200) {
                    if (body.contains("&lt;")) {
                        body = Parser.unescapeEntities(body, false); // markup escaped once more than JSON needs
                    }
                    Document markup = body.contains("<") ? Jsoup.parseBodyFragment(body) : null;
                    return markup != null && markup.text().length() < body.length() * 0.9
                            ? BlockText.of(List.of(markup.body()), "") : body.strip().replaceAll("[ \\t]*\\n\\s*", "\n");
                }
            } catch (IOException ignored) {
                // broken JSON-LD is common: fall back to the DOM
            }
        }
        return null;
    }

    private static String findArticleBody(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.path("articleBody").isTextual()) {
            return node.get("articleBody").asText();
        }
        for (JsonNode child : node) {
            String found = findArticleBody(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
