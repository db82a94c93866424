package dev.newsdigest.delivery;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Teams message through a Workflows (Power Automate) webhook: {@code {"type":"message","attachments":[...]}}
 * with one Adaptive Card 1.5 of TextBlocks: the heading, the TLP, the 課題 lines, the news headlines and the archive
 * link, each line its own TextBlock in the card's markdown ({@code [text](url)}, special characters behind a backslash).
 * At most {@value #MAX_BYTES} bytes of JSON, under the 28 KB Teams takes of a message.
 */
final class TeamsMessage {
    static final int MAX_BYTES = 25_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TeamsMessage() {
    }

    static ObjectNode render(ChatDigest d, int actionsShown) {
        ObjectNode message = NODES.objectNode().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard").put("version", "1.5");
        ArrayNode body = card.putArray("body");
        text(body, escape(d.heading())).put("size", "large").put("weight", "bolder");
        if (d.tlp() != null) {
            text(body, escape(d.tlp())).put("weight", "bolder").put("color", color(d.tlp()));
        }
        text(body, escape(d.words().get("digest.actions"))).put("weight", "bolder").put("separator", true);
        for (ChatDigest.Line a : d.actions().subList(0, actionsShown)) {
            text(body, "- " + link(a) + (a.reason() == null ? "" : ": " + escape(a.reason())));
        }
        if (d.actions().isEmpty()) {
            text(body, escape(d.words().get("digest.noActions")));
        } else if (actionsShown < d.actions().size()) {
            text(body, escape(d.more(d.actions().size() - actionsShown)));
        }
        if (!d.headlines().isEmpty()) {
            text(body, escape(d.words().get("digest.news"))).put("weight", "bolder").put("separator", true);
            for (ChatDigest.Line h : d.headlines()) {
                text(body, "- " + link(h));
            }
        }
        if (d.moreNews() > 0) {
            text(body, escape(d.more(d.moreNews())));
        }
        if (d.archiveUrl() != null) {
            text(body, "[" + escape(d.words().get("chat.archive")) + "](" + ChatDigest.link(d.archiveUrl()) + ")");
        }
        return message;
    }

    static boolean fits(ObjectNode message) {
        return message.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static ObjectNode text(ArrayNode body, String markdown) {
        return body.addObject().put("type", "TextBlock").put("text", markdown).put("wrap", true);
    }

    private static String color(String tlp) {
        return tlp.contains("RED") ? "attention" : tlp.contains("AMBER") ? "warning" : tlp.contains("GREEN") ? "good" : "default";
    }

    /** The card markdown's special characters behind a backslash. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\*_~`[]()<>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String link(ChatDigest.Line line) {
        return line.url() == null ? escape(line.title()) : "[" + escape(line.title()) + "](" + line.url() + ")";
    }
}
