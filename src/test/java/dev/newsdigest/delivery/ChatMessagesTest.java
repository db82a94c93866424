package dev.newsdigest.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.newsdigest.support.ChatEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat messages of each kind, checked as each service checks them ({@link ChatEmulator#check}): the examples in
 * docs/digest-example byte for byte ({@code -Dchat.golden.write=true} rewrites them), a digest too large for one
 * message cut with "他 N 件", and hostile titles escaped.
 */
class ChatMessagesTest {
    static final Path EXAMPLE = Path.of("docs/digest-example");
    static final String SITE = "https://intranet.example.com/digests";
    private final ObjectMapper json = new ObjectMapper();

    private static String example() throws Exception {
        return Files.readString(EXAMPLE.resolve("2026-11-26.json"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack", "teams", "discord"})
    void theExampleDayGivesTheChatExamplesByteForByteAndTheServiceTakesThem(String kind) throws Exception {
        String message = ChatMessages.render(kind, example(), SITE);
        Path golden = EXAMPLE.resolve("chat-" + kind + ".json");
        if (Boolean.getBoolean("chat.golden.write")) {
            Files.writeString(golden, message, StandardCharsets.UTF_8);
        }
        assertThat(message).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(ChatEmulator.check(kind, "POST", "application/json", message)).isNull();
        assertThat(message).contains("TLP:AMBER", "https://news.example.com/fortiweb-second-flaw-exploited", SITE + "/2026-11-26.html");
    }

    @Test
    void theEmulatorsRefuseWhatTheServicesRefuse() {
        assertThat(ChatEmulator.check("slack", "GET", "application/json", "{\"text\":\"x\"}")).isNotNull();
        assertThat(ChatEmulator.check("slack", "POST", "text/plain", "{\"text\":\"x\"}")).isNotNull();
        assertThat(ChatEmulator.check("slack", "POST", "application/json", "{}")).startsWith("no_text");
        assertThat(ChatEmulator.check("slack", "POST", "application/json",
                "{\"text\":\"x\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "a".repeat(3001) + "\"}}]}"))
                .contains("3000");
        assertThat(ChatEmulator.check("discord", "POST", "application/json", "{\"content\":\"" + "a".repeat(2001) + "\"}")).contains("2000");
        assertThat(ChatEmulator.check("discord", "POST", "application/json",
                "{\"embeds\":[{\"description\":\"" + "a".repeat(4000) + "\"},{\"description\":\"" + "a".repeat(4000) + "\"}]}")).contains("6000");
        assertThat(ChatEmulator.check("teams", "POST", "application/json",
                "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":"
                        + "{\"type\":\"AdaptiveCard\",\"body\":[]}}]}")).contains("version");
        assertThat(ChatEmulator.check("teams", "POST", "application/json",
                "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",\"content\":"
                        + "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"msteams\":{},\"body\":[]}}]}")).contains("msteams");
    }

    @ParameterizedTest
    @ValueSource(strings = {"slack", "teams", "discord"})
    void aDigestOf60ItemsAndActionsIsCutWithTheCountLeftOutAndStillEndsWithTheLink(String kind) throws Exception {
        ObjectNode digest = (ObjectNode) json.readTree(example());
        ArrayNode items = digest.putArray("items");
        ArrayNode actions = digest.putArray("actions");
        for (int i = 1; i <= 60; i++) {
            items.addObject().put("title", "記事の見出し " + i + " " + "長い題名".repeat(40)).put("url", "https://news.example.com/a/" + i);
            actions.addObject().put("title", "課題の見出し " + i + " " + "長い題名".repeat(40)).put("url", "https://news.example.com/a/" + i)
                    .put("reason", "理由".repeat(200));
        }
        String message = ChatMessages.render(kind, digest.toString(), SITE);

        assertThat(ChatEmulator.check(kind, "POST", "application/json", message)).isNull();
        assertThat(message).contains("他 55 件"); // the news beyond the top 5
        assertThat(message).containsPattern("他 \\d+ 件"); // and the 課題 that did not fit
        int shownActions = 0;
        for (int i = 1; i <= 60; i++) {
            if (message.contains("課題の見出し " + i + " ")) {
                shownActions++;
            }
        }
        assertThat(shownActions).isBetween(1, 59);
        assertThat(message).contains("他 " + (60 - shownActions) + " 件");
        assertThat(message.lastIndexOf("他 55 件")).isLessThan(message.lastIndexOf(SITE + "/2026-11-26.html"));
        assertThat(message).doesNotContain("記事の見出し 6 ");
    }

    @Test
    void hostileTitlesAreEscapedForEachKind() throws Exception {
        ObjectNode digest = (ObjectNode) json.readTree(example());
        String hostile = "<!channel> @everyone <script>alert(1)</script> *bold* [x](https://evil.example/) | <@123>";
        ((ObjectNode) digest.withArray("items").get(0)).put("title", hostile);
        ((ObjectNode) digest.withArray("actions").get(0)).put("title", hostile).put("reason", "@here <!here> `code`");

        JsonNode slack = json.readTree(ChatMessages.render("slack", digest.toString(), SITE));
        String slackText = slack.toString();
        assertThat(slackText).doesNotContain("<!channel>", "<!here>", "<script>", "<@123>")
                .contains("&lt;!channel&gt;", "&lt;script&gt;", "｜ &lt;@123&gt;");

        JsonNode discord = json.readTree(ChatMessages.render("discord", digest.toString(), SITE));
        assertThat(discord.path("allowed_mentions").path("parse").isArray()).isTrue();
        assertThat(discord.path("allowed_mentions").path("parse")).isEmpty();
        String embeds = discord.path("embeds").toString();
        assertThat(embeds).doesNotContain("@everyone", "@here", "[x](https://evil", "<@123>")
                .contains("\\\\<!channel\\\\>", "\\\\*bold\\\\*", "\\\\[x\\\\]\\\\(https://evil.example/\\\\)");

        JsonNode teams = json.readTree(ChatMessages.render("teams", digest.toString(), SITE));
        String card = teams.path("attachments").get(0).path("content").toString();
        assertThat(card).doesNotContain("[x](https://evil").contains("\\\\[x\\\\]\\\\(https://evil.example/\\\\)", "\\\\<script\\\\>");
        for (String kind : List.of("slack", "teams", "discord")) {
            assertThat(ChatEmulator.check(kind, "POST", "application/json", ChatMessages.render(kind, digest.toString(), SITE))).isNull();
        }
    }

    @Test
    void anEnglishDigestHasEnglishLabelsAndNoArchiveLinkWithoutASiteUrl() throws Exception {
        ObjectNode digest = (ObjectNode) json.readTree(example());
        digest.put("language", "en").put("revision", 2);
        String message = ChatMessages.render("slack", digest.toString(), "");
        assertThat(message).contains("Daily News Digest 2026-11-26 (update 2)", "*Action items*", "*News*").doesNotContain(".html", "課題");
    }
}
