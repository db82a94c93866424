package dev.newsdigest.summarize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTextTest {

    @Test
    void removesHtmlAndEveryKindOfUrlFromProse() {
        assertThat(ModelText.clean("See <a href=\"https://x.example\">this</a> at https://evil.example/a?b=1 or hxxp[:]//bad[.]example or www.evil.example",
                500)).isEqualTo("See this at [link removed] or [link removed] or [link removed]");
        assertThat(ModelText.clean("Click javascript:alert(1) <script>alert(2)</script>", 500))
                .isEqualTo("Click [link removed] alert(2)");
    }

    @Test
    void capsLengthAndKeepsOrdinaryTextAndDomainsAsTheyAre() {
        assertThat(ModelText.clean("x".repeat(600), 500)).hasSize(500);
        assertThat(ModelText.clean("CVE-2025-1 affects a < b and the vendor example.com", 500))
                .isEqualTo("CVE-2025-1 affects a < b and the vendor example.com");
        assertThat(ModelText.clean(" multi\n line ", 500)).isEqualTo("multi line");
    }
}
