package dev.newsdigest.delivery;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Discord webhook message: the heading and TLP as {@code content}, one embed for the 課題 lines and one for the news
 * headlines and the archive link, and {@code allowed_mentions} that pings no one. Within Discord's limits: content at
 * most {@value #MAX_CONTENT} characters, at most {@value #MAX_EMBEDS} embeds, a title at most {@value #MAX_TITLE}, a
 * description at most {@value #MAX_DESCRIPTION}, and all embed texts together at most {@value #MAX_EMBED_TOTAL}. Text is
 * escaped with backslashes ({@code \ * _ ~ ` | > < [ ] ( ) #}), {@code @} is followed by a zero-width space, and a link
 * is {@code [text](<url>)}.
 */
final class DiscordMessage {
    static final int MAX_CONTENT = 2000;
    static final int MAX_EMBEDS = 10;
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 4096;
    static final int MAX_EMBED_TOTAL = 6000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiscordMessage() {
    }

    static ObjectNode render(ChatDigest d, int actionsShown) {
        ObjectNode message = NODES.objectNode();
        message.put("content", "**" + escape(d.heading()) + "**" + (d.tlp() == null ? "" : "\n**" + escape(d.tlp()) + "**"));
        ArrayNode embeds = message.putArray("embeds");
        List<String> actionLines = d.actionLines(actionsShown, DiscordMessage::escape, DiscordMessage::link);
        embeds.addObject().put("title", d.words().get("digest.actions")).put("description", String.join("\n", actionLines));
        List<String> newsLines = d.newsLines(DiscordMessage::escape, DiscordMessage::link);
        if (d.archiveUrl() != null) {
            newsLines.add("[" + escape(d.words().get("chat.archive")) + "](<" + ChatDigest.link(d.archiveUrl()) + ">)");
        }
        if (!newsLines.isEmpty()) {
            embeds.addObject().put("title", d.words().get("digest.news")).put("description", String.join("\n", newsLines));
        }
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }

    static boolean fits(ObjectNode message) {
        if (ChatMessages.length(message.path("content").asText()) > MAX_CONTENT || message.path("embeds").size() > MAX_EMBEDS) {
            return false;
        }
        int total = 0;
        for (JsonNode embed : message.path("embeds")) {
            int title = ChatMessages.length(embed.path("title").asText(""));
            int description = ChatMessages.length(embed.path("description").asText(""));
            if (title > MAX_TITLE || description > MAX_DESCRIPTION) {
                return false;
            }
            total += title + description;
        }
        return total <= MAX_EMBED_TOTAL;
    }

    /** Discord markdown's special characters behind a backslash; no mention can be written. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\*_~`|><[]()#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
            if (c == '@') {
                out.append('\u200b');
            }
        }
        return out.toString();
    }

    private static String link(ChatDigest.Line line) {
        return line.url() == null ? escape(line.title()) : "[" + escape(line.title()) + "](<" + line.url() + ">)";
    }
}
