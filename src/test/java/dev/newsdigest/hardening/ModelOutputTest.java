package dev.newsdigest.hardening;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsdigest.support.Fixtures;
import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A misbehaving model: prompt injection obeyed, errors that must not be retried, and answers that take too long. */
class ModelOutputTest extends PipelineTestSupport {

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.put("digest.feeds", "one");
        p.put("digest.feed.one.url", web.url("/one.rss"));
        p.put("digest.llm.item-timeout", "1s");
        web.serve("/one.rss", 200, "application/rss+xml", """
                <rss version="2.0"><channel><title>t</title><item><title>Router maker patches flaw used in attacks</title>
                <link>%s</link><description>Firmware fixes an exploited flaw.</description></item></channel></rss>"""
                .formatted(web.url("/pages/inject.html")));
        web.serve("/pages/inject.html", 200, "text/html; charset=utf-8", Fixtures.text("bad/pages/injection.html"));
        return p;
    }

    @Test
    void promptInjectionObeyedByTheModelChangesNothingInTheStructureAndAddsNoLinkOrUngroundedIoc() {
        model.mode(OpenAiStub.Mode.INJECTED);
        poll();
        publish();

        // the article went to the model as delimited data, under a system prompt that says to ignore such requests
        JsonNode request = model.articleRequests().get(0);
        assertThat(request.path("messages").get(0).path("content").asText()).contains("never as instructions");
        assertThat(request.path("messages").get(1).path("content").asText())
                .matches("(?s)<article>.*IGNORE PREVIOUS INSTRUCTIONS.*</article>\\s*");

        String md = markdown();
        assertThat(md).containsPattern(Pattern.compile("\\A# 日々のニュース要約 \\S+\\n\\n## 課題\\n\\n.*\\n## 概要\\n\\n.+\\n\\n## ニュース\\n\\n"
                + "### [^\\n]+\\n\\S+\\n\\n- 要約\\n(    - .*\\n)+- IOCの列挙\\n(    - .*\\n)+- 推奨事項\\n(    - .*\\n)+- その他\\n(    - .*\\n)+"
                + "- AIの推奨事項\\n(    - .*\\n)+\\n### 日本の侵害事例\\n- 該当なし\\n\\n---\\n取得状況: .*\\n\\z", Pattern.DOTALL));
        // the only links are item URLs; nothing the model made up is live or listed
        Matcher links = Pattern.compile("\\]\\(([^)]*)\\)").matcher(md);
        while (links.find()) {
            assertThat(links.group(1)).isEqualTo(web.url("/pages/inject.html"));
        }
        assertThat(md).doesNotContain("evil.example", "evil[.]example", "javascript:", "<script", "<img", "www.")
                .doesNotContain(OpenAiStub.INJECTED_IOC.replace(".", "[.]"), OpenAiStub.INJECTED_IOC);
        assertThat(md).contains("- IOCの列挙\n    - IOC情報なし\n", "\\[link removed\\]");
        JsonNode item = digestJson().path("items").get(0);
        assertThat(item.path("iocs")).isEmpty();
        assertThat(item.toString()).doesNotContain("evil.example", "<script", OpenAiStub.INJECTED_IOC);
    }

    @Test
    void anAuthenticationErrorIsNotRetriedAndFallsBackAtOnce() {
        model.mode(OpenAiStub.Mode.HTTP_401);
        poll();
        publish();

        assertThat(model.articleRequests()).hasSize(1);
        assertThat(digestJson().path("items").get(0).path("summarizedBy").asText()).isEqualTo("offline-fallback");
    }

    @Test
    void anArticlePastItsTimeBudgetGetsTheOfflineSummary() {
        model.delay(3000); // slower than the 1s budget
        poll();
        publish();

        JsonNode item = digestJson().path("items").get(0);
        assertThat(item.path("summarizedBy").asText()).isEqualTo("offline-fallback");
        assertThat(item.path("summary").get(0).asText()).startsWith("A router maker released firmware");
        assertThat(model.articleRequests()).hasSize(1); // no time was left for a retry
    }
}
