package dev.newsdigest.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.newsdigest.config.ChatSettings;
import dev.newsdigest.state.StateStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The chat channels' messages (route deliver-chat): for a delivery {@code chat-<name>}, the body its kind takes (Slack
 * Block Kit, a Teams Workflows Adaptive Card, a Discord webhook message) and the URL to POST it to. A message that
 * would break its API's limits is cut: the 課題 lines that do not fit are left out, counted as "他 N 件".
 */
public class ChatMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatSettings chat;

    public ChatMessages(ChatSettings chat) {
        this.chat = chat;
    }

    /** The JSON body for the delivery's channel, UTF-8. */
    public byte[] body(StateStore.PendingDelivery delivery) {
        ChatSettings.Channel channel = channel(delivery);
        return render(channel.kind(), delivery.json(), chat.siteUrl()).getBytes(StandardCharsets.UTF_8);
    }

    /** The channel's webhook URL (a secret: not to be logged). */
    public String url(StateStore.PendingDelivery delivery) {
        return channel(delivery).url();
    }

    private ChatSettings.Channel channel(StateStore.PendingDelivery delivery) {
        return chat.channel(delivery.channel()).orElseThrow(() -> new IllegalStateException(
                "no chat channel " + delivery.channel() + " in digest.chat.channels: remove it from the outbox or add it back"));
    }

    /** The message of {@code kind} (slack, teams, discord) for a digest JSON, pretty-printed as it is sent. */
    public static String render(String kind, String digestJson, String siteUrl) {
        JsonNode digest;
        try {
            digest = JSON.readTree(digestJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the digest JSON cannot be read", e);
        }
        ChatDigest d = ChatDigest.of(digest, siteUrl);
        ObjectNode message = null;
        // as many 課題 lines as fit (every one, mostly); the rest are counted in "他 N 件"
        for (int shown = d.actions().size(); shown >= 0; shown--) {
            message = switch (kind) {
                case "slack" -> SlackMessage.render(d, shown);
                case "teams" -> TeamsMessage.render(d, shown);
                case "discord" -> DiscordMessage.render(d, shown);
                default -> throw new IllegalArgumentException("no chat kind " + kind);
            };
            boolean fits = switch (kind) {
                case "slack" -> SlackMessage.fits(message);
                case "teams" -> TeamsMessage.fits(message);
                default -> DiscordMessage.fits(message);
            };
            if (fits) {
                break;
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Code points, as the chat APIs count characters. */
    static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
