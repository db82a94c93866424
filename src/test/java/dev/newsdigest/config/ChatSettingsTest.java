package dev.newsdigest.config;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code digest.chat.*}: channels, kinds, URLs from the environment only, and TLP:RED. */
class ChatSettingsTest {
    private final Map<String, String> props = new HashMap<>(Map.of("digest.chat.channels", "soc,cert-team",
            "digest.chat.soc.kind", "slack", "digest.chat.cert-team.kind", "discord"));
    private final Map<String, String> env = new HashMap<>(Map.of(
            "DIGEST_CHAT_SOC_URL", "https://hooks.slack.com/services/T0/B0/secret-token",
            "DIGEST_CHAT_CERT_TEAM_URL", "https://discord.com/api/webhooks/1/secret-token"));

    private Settings settings() {
        return Settings.from(props::get, env::get);
    }

    @Test
    void eachChatChannelIsADeliveryOfItsOwnWithItsUrlFromTheEnvironment() {
        Settings s = settings();
        assertThat(s.deliveryIds()).containsExactly("file", "chat-soc", "chat-cert-team");
        assertThat(s.chat().channel("chat-cert-team")).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo("discord");
            assertThat(c.url()).isEqualTo("https://discord.com/api/webhooks/1/secret-token");
            assertThat(c.toString()).doesNotContain("secret-token");
        });
        assertThat(s.delivery("chat-soc").maxAttempts()).isEqualTo(5);
        assertThat(s.chat().siteUrl()).isEmpty();
    }

    @Test
    void noChatChannelByDefault() {
        assertThat(Settings.from(Map.<String, String>of()::get, Map.<String, String>of()::get).deliveryIds()).containsExactly("file");
    }

    @Test
    void aChannelWithoutItsVariableIsAConfigErrorNamingIt() {
        env.remove("DIGEST_CHAT_CERT_TEAM_URL");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class).hasMessageContaining("DIGEST_CHAT_CERT_TEAM_URL")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void anUnknownKindIsRefused() {
        props.put("digest.chat.soc.kind", "irc");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class).hasMessageStartingWith("digest.chat.soc.kind: ");
    }

    @Test
    void tlpRedRefusesChatChannelsUnlessExternalIsAllowed() {
        props.put("digest.tlp", "RED");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class).hasMessageStartingWith("digest.tlp: ")
                .hasMessageContaining("chat");
        props.put("digest.tlp.allow-external", "true");
        assertThat(settings().chat().channels()).hasSize(2);
    }

    @Test
    void aChatUrlInAPropertiesFileIsRefusedAndTheMessageNamesItsVariable() {
        Map<String, String> file = Map.of("digest.chat.channels", "soc", "digest.chat.soc.url", "https://hooks.slack.com/services/secret-token");
        assertThatThrownBy(() -> Settings.refuseSecretsOutsideTheEnvironment(file::get)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("digest.chat.soc.url: secrets are read from the environment only")
                .hasMessageContaining("DIGEST_CHAT_SOC_URL").hasMessageNotContaining("secret-token");
    }

    @Test
    void theSiteUrlFallsBackToTheSitesAndLosesItsTrailingSlash() {
        props.put("digest.site.url", "https://intranet.example.com/digests/");
        assertThat(settings().chat().siteUrl()).isEqualTo("https://intranet.example.com/digests");
    }
}
