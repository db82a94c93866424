package dev.newsdigest.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The copied Adaptive Card schema, as the Teams emulator applies it: the example card passes, broken cards do not. */
class AdaptiveCardSchemaTest {
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode card(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void theExampleTeamsCardIsValid() throws Exception {
        JsonNode message = json.readTree(Path.of("docs/digest-example/chat-teams.json").toFile());
        JsonNode card = message.path("attachments").get(0).path("content");
        assertThat(card.path("body").size()).isGreaterThan(3);
        assertThat(AdaptiveCardSchema.errors(card)).isEmpty();
    }

    @Test
    void theSchemaRefusesACardWithoutVersionATextBlockWithoutTextAndValuesOutsideItsLists() throws Exception {
        assertThat(AdaptiveCardSchema.errors(card("{\"type\":\"AdaptiveCard\",\"body\":[]}"))).anyMatch(e -> e.contains("version"));
        assertThat(AdaptiveCardSchema.errors(card("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\"}]}")))
                .isNotEmpty();
        assertThat(AdaptiveCardSchema.errors(card(
                "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"x\",\"size\":\"Huge\"}]}")))
                .isNotEmpty();
        assertThat(AdaptiveCardSchema.errors(card(
                "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"x\",\"wrap\":\"yes\"}]}")))
                .isNotEmpty();
        assertThat(AdaptiveCardSchema.errors(card("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":{}}"))).isNotEmpty();
    }
}
