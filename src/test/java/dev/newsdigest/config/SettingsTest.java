package dev.newsdigest.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    private final Map<String, String> props = new HashMap<>(Map.of(
            "digest.feeds", "a",
            "digest.feed.a.url", "https://a.example/feed"));
    private final Map<String, String> env = new HashMap<>();

    private Settings settings() {
        return Settings.from(props::get, env::get);
    }

    @Test
    void defaultsToOfflineWhenNoModelIsConfigured() {
        Settings s = settings();
        assertThat(s.provider()).isEqualTo(ModelSettings.Provider.OFFLINE);
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.maxItemAge()).isEqualTo(Duration.ofDays(3));
        assertThat(s.language()).isEqualTo("ja");
        assertThat(s.timezone().getId()).isEqualTo("Asia/Tokyo");
        assertThat(s.closeCron()).isEqualTo("0 0 7 * * ?");
    }

    @Test
    void openAiKeyFallsBackToOpenAiApiKeyAndAnthropicToAnthropicApiKey() {
        env.put("OPENAI_API_KEY", "sk-from-env");
        Settings openai = settings();
        assertThat(openai.provider()).isEqualTo(ModelSettings.Provider.OPENAI);
        assertThat(openai.llmApiKey()).contains("sk-from-env");

        props.put("digest.llm.provider", "anthropic");
        env.put("ANTHROPIC_API_KEY", "ak-from-env");
        assertThat(settings().llmApiKey()).contains("ak-from-env");
    }

    @Test
    void theReadersContextIsKeptAsPlainLinesAndRefusedWhenLongerThanAFewLines() {
        assertThat(settings().llmContext()).isEmpty();
        props.put("digest.llm.context", "  Windows AD, M365\u202e\r\n\n\tFortiGate at the edge\u0000, no Linux servers  \n");
        assertThat(settings().llmContext()).isEqualTo("Windows AD, M365\nFortiGate at the edge , no Linux servers");
        props.put("digest.llm.context", "x".repeat(ModelSettings.MAX_CONTEXT));
        assertThat(settings().llmContext()).hasSize(1000);
        assertError("digest.llm.context", "x".repeat(1001), "digest.llm.context: 1001 characters, more than 1000");
    }

    @Test
    void configurationMistakesNameTheKey() {
        assertError("digest.llm.provider", "gemini", "digest.llm.provider: unknown provider 'gemini'");
        assertError("digest.close.cron", "0 7 * * *", "digest.close.cron: '0 7 * * *' is not a Quartz cron expression");
        assertError("digest.poll.interval", "fortnightly", "digest.poll.interval: 'fortnightly' is not a duration");
        assertError("digest.language", "fr", "digest.language: 'fr' is not one of en, ja");
        assertError("digest.timezone", "Mars/Olympus", "digest.timezone");
        assertError("digest.feed.a.include", "([", "digest.feed.a.include: not a valid regular expression");
        assertError("digest.feed.a.exclude", "([", "digest.feed.a.exclude: not a valid regular expression");
        assertError("digest.news.max-full", "-1", "digest.news.max-full: '-1' is not a whole number of 0 or more");
        assertError("digest.http.proxy", "socks://x", "digest.http.proxy");
        assertError("digest.llm.requests-per-minute", "0", "digest.llm.requests-per-minute: '0' is not a positive whole number");
        assertError("digest.llm.daily-token-budget", "1e6", "digest.llm.daily-token-budget: '1e6' is not a positive whole number");
        assertError("digest.retention", "a month", "digest.retention: 'a month' is not a duration");
        assertError("digest.http.port", "70000", "digest.http.port: '70000' is not a port number");
        assertError("digest.fetch.max-per-host", "0", "digest.fetch.max-per-host: '0' is not a positive whole number");
    }

    @Test
    void theTaxiiServerNeedsAPortOfItsOwnBesideTheHealthAndMetricsServer() {
        props.put("digest.http.port", "9443");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("digest.taxii.port: the TAXII server needs a port of its own, not digest.http.port (9443)");
        // with 0 for both, the two servers would register one router under one name: refused as well
        props.put("digest.http.port", "0");
        props.put("digest.taxii.port", "0");
        assertThatThrownBy(this::settings).hasMessageStartingWith("digest.taxii.port:");
        props.put("digest.taxii.enabled", "false"); // no TAXII server: no clash
        assertThat(settings().intel().taxii()).isFalse();
    }

    @Test
    void limitsAreUnlimitedWhenEmptyAndReadWhenSet() {
        Settings unlimited = settings();
        assertThat(unlimited.llmRequestsPerMinute()).isEqualTo(Integer.MAX_VALUE);
        assertThat(unlimited.llmDailyTokenBudget()).isEqualTo(Long.MAX_VALUE);
        assertThat(unlimited.retention()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(unlimited.fetchMaxPerHost()).isEqualTo(2);
        props.put("digest.llm.requests-per-minute", "90");
        props.put("digest.llm.daily-token-budget", "5000000000");
        props.put("digest.http.port", "0");
        Settings set = settings();
        assertThat(set.llmRequestsPerMinute()).isEqualTo(90);
        assertThat(set.llmDailyTokenBudget()).isEqualTo(5_000_000_000L);
        assertThat(set.httpPort()).isZero();
    }

    @Test
    void mailSettingsAreCheckedOnlyWhenMailIsEnabledAndThePrefixKeepsItsSpace() {
        props.put("digest.mail.subject-prefix", "[SOC] ");
        assertThat(settings().mail().subjectPrefix()).isEqualTo("[SOC] ");
        assertThat(settings().channels()).containsExactly(Channel.FILE);
        props.put("digest.mail.enabled", "true");
        props.put("digest.mail.from", "digest@example.com");
        assertError("digest.mail.to", "not-an-address", "digest.mail.to: 'not-an-address' is not a comma-separated list");
        props.put("digest.mail.to", "a@example.com, b@example.org");
        props.put("digest.mail.security", "starttls");
        Settings s = settings();
        assertThat(s.mail().to()).containsExactly("a@example.com", "b@example.org");
        assertThat(s.mail().port()).isEqualTo(587);
        assertThat(s.mailEndpoint()).isEqualTo("smtp://localhost:587");
        assertThat(s.channels()).containsExactly(Channel.FILE, Channel.MAIL);
        props.put("digest.webhook.enabled", "true");
        assertError("digest.webhook.url", "ftp://x", "digest.webhook.url: webhook is enabled but 'ftp://x' is not an http(s) URL");
    }

    @Test
    void feedIdWithoutUrlIsAnError() {
        props.put("digest.feeds", "a, b");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class)
                .hasMessage("digest.feed.b.url: feed 'b' has no URL");
    }

    @Test
    void feedsAreTrustedInTheOrderTheyAreListedUnlessTheirTrustSaysOtherwise() {
        props.put("digest.feeds", "a, b, c");
        props.put("digest.feed.b.url", "https://b.example/feed");
        props.put("digest.feed.c.url", "https://c.example/feed");
        assertThat(settings().feeds()).extracting(FeedConfig::trust).containsExactly(3, 2, 1);
        props.put("digest.feed.c.trust", "10");
        props.put("digest.feed.a.trust", "-1");
        assertThat(settings().feeds()).extracting(FeedConfig::trust).containsExactly(-1, 2, 10);
        assertError("digest.feed.b.trust", "high", "digest.feed.b.trust: 'high' is not a whole number (higher is more trusted");
        assertError("digest.feed.b.trust", "2.5", "digest.feed.b.trust: '2.5' is not a whole number");
    }

    @Test
    void anthropicWithoutKeyIsAnError() {
        props.put("digest.llm.provider", "anthropic");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class).hasMessageStartingWith("digest.llm.api-key:");
    }

    private void assertError(String key, String value, String message) {
        String old = props.put(key, value);
        try {
            assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class).hasMessageStartingWith(message)
                    .extracting(e -> ((ConfigException) e).key()).isEqualTo(key);
        } finally {
            if (old == null) {
                props.remove(key);
            } else {
                props.put(key, old);
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "digest.llm.base-url | notaurl",
            "digest.llm.base-url | localhost:11434/v1",
            "digest.llm.base-url | ftp://models.example/v1",
            "digest.mail.port | 99999",
            "digest.mail.port | 0",
            "digest.mail.port | -25",
            "digest.cve.nvd.sync.lookback | 200d",
            "digest.cve.nvd.sync.lookback | 1",
            "digest.cve.nvd.sync.page-size | 2001",
            "digest.cve.nvd.sync.page-size | 0"})
    void operatorMistakesAreRefusedBeforeAnythingStartsNamingTheKey(String key, String value) {
        props.put(key, value);
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class).hasMessageStartingWith(key + ":");
    }

    @Test
    void anOutputOrStateFolderThatIsAFileIsRefusedAtStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        props.put("digest.output.dir", file.toString());
        assertThatThrownBy(this::settings).hasMessage("digest.output.dir: '" + file + "' is a file, not a folder");
        props.remove("digest.output.dir");
        props.put("digest.state.dir", file.toString());
        assertThatThrownBy(this::settings).hasMessage("digest.state.dir: '" + file + "' is a file, not a folder");
    }

    @Test
    void tlpLevelsAreReadAsTheStandardWritesThemAndAnUnknownLevelIsRefused() {
        assertThat(settings().tlp()).isNull();
        props.put("digest.tlp", "amber+strict");
        assertThat(settings().tlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(settings().tlp().label()).isEqualTo("TLP:AMBER+STRICT");
        props.put("digest.tlp", "TLP:CLEAR");
        assertThat(settings().tlp().label()).isEqualTo("TLP:CLEAR");
        props.put("digest.tlp", "WHITE"); // TLP 1.0's name, gone in 2.0
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class)
                .hasMessage("digest.tlp: 'WHITE' is not a TLP 2.0 level: one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED, or empty for no marking");
    }

    @Test
    void tlpRedRefusesTheWebhookUnlessExternalDeliveryIsAllowed() {
        props.put("digest.tlp", "RED");
        assertThat(settings().tlp()).isEqualTo(Tlp.RED); // file and mail go to named recipients
        props.put("digest.webhook.enabled", "true");
        props.put("digest.webhook.url", "https://tickets.example/hook");
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("digest.tlp: TLP:RED is for its named recipients only, and the webhook channel");
        props.put("digest.tlp.allow-external", "true");
        assertThat(settings().channels()).contains(Channel.WEBHOOK);
        props.put("digest.tlp", "AMBER");
        props.put("digest.tlp.allow-external", "false");
        assertThat(settings().channels()).contains(Channel.WEBHOOK);
    }

    @Test
    void theTicketChannelIsCheckedOnlyWhenOnAndTlpRedRefusesIt() {
        props.put("digest.tickets.preset", "github");
        assertThat(settings().channels()).doesNotContain(Channel.TICKETS);
        props.put("digest.tickets.mode", "per-action");
        assertError("digest.tickets.url", "", "digest.tickets.url: tickets are on but '' is not an http(s) URL");
        props.put("digest.tickets.url", "https://api.github.com");
        assertError("digest.tickets.project", "example", "digest.tickets.project: 'example' is not owner/repo");
        props.put("digest.tickets.project", "example/soc");
        assertThat(settings().channels()).contains(Channel.TICKETS);
        assertThat(settings().channelSettings().tickets().preset()).isEqualTo("github");
        props.put("digest.tickets.preset", "template");
        assertError("digest.tickets.template", "/nonexistent/tickets.properties", "digest.tickets.template: preset 'template' needs");
        props.put("digest.tickets.preset", "github");
        props.put("digest.tlp", "RED");
        assertThatThrownBy(this::settings).hasMessageStartingWith("digest.tlp: TLP:RED is for its named recipients only, and the ticket channel");
        props.put("digest.tlp.allow-external", "true");
        assertThat(settings().channels()).contains(Channel.TICKETS);
    }

    @Test
    void anAbsoluteHttpBaseUrlIsAccepted() {
        props.put("digest.llm.base-url", "http://localhost:11434/v1");
        assertThat(settings().llmBaseUrl()).contains("http://localhost:11434/v1");
    }

    @Test
    void theUserAgentHasOneDefaultAndTheShippedPropertiesDoNotSetAnother() throws Exception {
        assertThat(settings().userAgent()).isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
        java.util.Properties shipped = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("application.properties"))) {
            shipped.load(in);
        }
        assertThat(shipped.getProperty("digest.fetch.user-agent", "")).as("a second default in application.properties").isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"digest.llm.api-key", "digest.mail.password", "digest.webhook.secret"})
    void aSecretInAPropertiesFileIsRefusedAndTheMessageNamesItsVariable(String key) {
        Map<String, String> file = Map.of(key, "s3cr3t-value");
        assertThatThrownBy(() -> Settings.refuseSecretsOutsideTheEnvironment(file::get)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(key + ": secrets are read from the environment only")
                .hasMessageContaining(Settings.SECRET_KEYS.get(key))
                .hasMessageNotContaining("s3cr3t-value");
        Settings.refuseSecretsOutsideTheEnvironment(Map.of(key, "")::get); // empty, as shipped: fine
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "jdbc:postgresql://db.example/digest?password=s3cr3t-value",
            "jdbc:postgresql://db.example/digest?ssl=true&PassWord=s3cr3t-value",
            "jdbc:postgresql://db.example/digest?pass%77ord=s3cr3t-value",
            "jdbc:postgresql://digest:s3cr3t-value@db.example:5432/digest"})
    void aPasswordInThePostgresUrlIsRefusedAsInAFileAndTheMessageNamesItsVariable(String url) {
        props.put("digest.db.url", url);
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("digest.db.url: ")
                .hasMessageContaining("DIGEST_DB_PASSWORD")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "sslmode=x | the parameter sslmode is 'x', but it takes one of disable, allow, prefer, require, verify-ca, verify-full",
            "connectTimeout=x | the parameter connectTimeout is 'x', but it takes a whole number (default 10): The timeout value in seconds",
            "tcpKeepAlive=yes | the parameter tcpKeepAlive is 'yes', but it takes true or false (default false)",
            "requireAuth=scram-sha-256,kerberos | the parameter requireAuth is 'scram-sha-256,kerberos', but it takes a comma-separated list of password, md5",
            "sslmode=%zz | the parameter sslmode is not percent-encoded correctly"})
    void aBadPostgresUrlParameterSaysWhichItIsAndWhatItTakes(String parameter, String message) {
        props.put("digest.db.url", "jdbc:postgresql://db.example/digest?user=digest&" + parameter);
        assertThatThrownBy(this::settings).isInstanceOf(ConfigException.class).hasMessageStartingWith("digest.db.url: " + message);
    }

    @Test
    void aPostgresUrlWithoutAPasswordIsAccepted() {
        props.put("digest.db.url", "jdbc:postgresql://db.example:5432/digest?user=digest&sslmode=require");
        assertThat(settings().database().url()).isEqualTo("jdbc:postgresql://db.example:5432/digest?user=digest&sslmode=require");
    }

    @Test
    void theArchiveKeepsEachDaysLatestDigestForTheSitesRetentionOnlyWhileTheSiteIsOnAndItIsLonger() {
        Settings shipped = settings();
        assertThat(shipped.site()).isTrue();
        assertThat(shipped.siteUrl()).isEmpty();
        assertThat(shipped.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(shipped.archiveRetention()).isEqualTo(Duration.ofDays(365));

        props.put("digest.site.enabled", "false");
        assertThat(settings().archiveRetention()).isEqualTo(Duration.ofDays(30));
        props.put("digest.site.enabled", "true");
        props.put("digest.site.retention", "7d");
        assertThat(settings().archiveRetention()).isEqualTo(Duration.ofDays(30));

        props.put("digest.site.url", "https://intranet.example.com/digests/");
        assertThat(settings().siteUrl()).isEqualTo("https://intranet.example.com/digests");
        props.put("digest.site.url", "javascript:alert(1)");
        assertThatThrownBy(this::settings).hasMessageContaining("digest.site.url");
    }
}
