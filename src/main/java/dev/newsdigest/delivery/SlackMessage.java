package dev.newsdigest.delivery;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Slack incoming-webhook message in Block Kit: a header, the TLP as a context block, the 課題 lines and the news
 * headlines as mrkdwn sections, the archive link last, and a top-level {@code text} for notifications. Within Slack's
 * limits: at most {@value #MAX_BLOCKS} blocks, a section's text at most {@value #MAX_SECTION} characters, a header's
 * {@value #MAX_HEADER}; and at most {@value #MAX_TOTAL} characters of text in all, since Slack refuses long messages
 * below its documented limits ({@code msg_blocks_too_long}). Text is escaped as mrkdwn wants: {@code &}, {@code <},
 * {@code >}; a link is {@code <url|text>}, with {@code |} in its text written as the full-width {@code ｜} (mrkdwn has no
 * escape for it).
 */
final class SlackMessage {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_HEADER = 150;
    static final int MAX_TOTAL = 12000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlackMessage() {
    }

    static ObjectNode render(ChatDigest d, int actionsShown) {
        ObjectNode message = NODES.objectNode();
        message.put("text", escape(d.heading() + (d.tlp() == null ? "" : " [" + d.tlp() + "]")));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", ChatDigest.oneLine(d.heading(), MAX_HEADER));
        if (d.tlp() != null) {
            ObjectNode context = blocks.addObject().put("type", "context");
            context.putArray("elements").addObject().put("type", "mrkdwn").put("text", "*" + escape(d.tlp()) + "*");
        }
        List<String> actionLines = d.actionLines(actionsShown, SlackMessage::escape, SlackMessage::link);
        sections(blocks, "*" + escape(d.words().get("digest.actions")) + "*", actionLines);
        List<String> newsLines = d.newsLines(SlackMessage::escape, SlackMessage::link);
        if (!newsLines.isEmpty()) {
            sections(blocks, "*" + escape(d.words().get("digest.news")) + "*", newsLines);
        }
        if (d.archiveUrl() != null) {
            section(blocks, "<" + ChatDigest.link(d.archiveUrl()) + "|" + linkText(d.words().get("chat.archive")) + ">");
        }
        return message;
    }

    /** Lines under a title, in as many sections as their length needs. */
    private static void sections(ArrayNode blocks, String title, List<String> lines) {
        StringBuilder text = new StringBuilder(title);
        for (String line : lines) {
            if (ChatMessages.length(text.toString()) + 1 + ChatMessages.length(line) > MAX_SECTION) {
                section(blocks, text.toString());
                text.setLength(0);
            } else {
                text.append('\n');
            }
            text.append(line);
        }
        section(blocks, text.toString());
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    }

    static boolean fits(ObjectNode message) {
        JsonNode blocks = message.path("blocks");
        if (blocks.size() > MAX_BLOCKS) {
            return false;
        }
        int total = ChatMessages.length(message.path("text").asText());
        for (JsonNode block : blocks) {
            String text = block.path("text").path("text").asText("");
            int max = block.path("type").asText().equals("header") ? MAX_HEADER : MAX_SECTION;
            if (ChatMessages.length(text) > max) {
                return false;
            }
            total += ChatMessages.length(text);
            for (JsonNode element : block.path("elements")) {
                total += ChatMessages.length(element.path("text").asText(""));
            }
        }
        return total <= MAX_TOTAL;
    }

    /** mrkdwn's three escapes. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String linkText(String text) {
        return escape(text).replace("|", "｜");
    }

    private static String link(ChatDigest.Line line) {
        return line.url() == null ? escape(line.title()) : "<" + line.url() + "|" + linkText(line.title()) + ">";
    }
}
