package dev.newsdigest.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactTest {
    @Test
    void aWebhookUrlKeepsOnlyItsSchemeAndHost() {
        assertThat(Redact.url("https://hooks.slack.com/services/T000/B000/XXXXSECRET")).isEqualTo("https://hooks.slack.com/…");
        assertThat(Redact.url("http://user:pw@127.0.0.1:8080/hook?token=abc")).isEqualTo("http://127.0.0.1:8080/…");
        assertThat(Redact.url("not a url with secret")).doesNotContain("secret");
    }

    @Test
    void aModelBaseUrlLosesEveryQueryValueAndItsUserInfo() {
        assertThat(Redact.queryValues("https://me:pw@models.example/openai/v1?api-version=2024&key=SECRET"))
                .isEqualTo("https://models.example/openai/v1?api-version=…&key=…");
    }
}
