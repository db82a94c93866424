package dev.newsdigest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import dev.newsdigest.support.OpenAiStub;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest extends PipelineTestSupport {

    @Test
    void endToEndDigestMatchesExampleFormatSectionBySection() {
        poll();
        publish();

        String md = markdown();
        // sections in the order of the example
        assertThat(md).containsPattern(Pattern.compile(
                "\\A# 日々のニュース要約 \\d{4}-\\d{2}-\\d{2}\\n\\n## 課題\\n\\n.*\\n## 概要\\n\\n.+\\n\\n## ニュース\\n\\n###.*"
                        + "\\n### 日本の侵害事例\\n.*\\n---\\n取得状況: .*\\n\\z", Pattern.DOTALL));
        // 課題 lists the exploited flaw with the model's reason
        assertThat(md).contains("- [【要約】FortiWeb authentication bypass flaw exploited in attacks](" + web.url("/pages/fortiweb.html")
                + "): 攻撃での悪用が確認されている");
        assertThat(md).contains("## 概要\n\n" + OpenAiStub.OVERVIEW + "\n");
        // every item: title, URL on its own line, then exactly the five lists in order
        assertThat(md).containsPattern(Pattern.compile("### 【要約】FortiWeb[^\\n]*\\n" + Pattern.quote(web.url("/pages/fortiweb.html"))
                + "\\n\\n- 要約\\n(    - .*\\n){3}- IOCの列挙\\n(    - .*\\n)+- 推奨事項\\n    - 修正版へ更新する。\\n- その他\\n(    - .*\\n)+"
                + "- AIの推奨事項\\n    - 管理画面へのアクセス元を制限する。\\n"));
        // IOCs defanged in Markdown; the IP the stub reported from the text stays, the invented ones do not
        assertThat(md).contains("    - 203[.]0[.]113[.]45\n", "    - CVE-2025-64446\n", "    - hxxp://update-check[.]example[.]net/fw\n");
        assertThat(md).doesNotContain("198[.]18[.]0[.]99", OpenAiStub.INVENTED_IP, "invented-c2");
        // incidents: only those matching the include filter, as title(url)
        assertThat(md).contains("### 日本の侵害事例\n- 複数サーバがランサム被害、診療に影響なし - 京都府内の病院(" + web.url("/jp/147179") + ")\n");
        assertThat(md).doesNotContain("講習会");
        assertThat(md).contains("取得状況: news 正常（新着 3件） / incidents 正常（新着 1件）");
        // each article exactly once
        assertThat(occurrences(md, web.url("/pages/fortiweb.html") + "\n")).isEqualTo(1);
        assertThat(occurrences(md, web.url("/pages/loader.html") + "\n")).isEqualTo(1);
        assertThat(occurrences(md, web.url("/pages/gone.html") + "\n")).isEqualTo(1);
    }

    @Test
    void jsonDigestCarriesEveryFieldAndGroundedTypedIocs() {
        poll();
        publish();

        JsonNode d = digestJson();
        assertThat(d.path("revision").asInt()).isEqualTo(1);
        assertThat(d.path("language").asText()).isEqualTo("ja");
        assertThat(d.path("generatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+09:00");
        List<String> fields = new ArrayList<>();
        d.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("date", "revision", "generatedAt", "language", "overview", "actions", "items",
                "incidents", "feeds", "usage");
        JsonNode items = d.path("items");
        assertThat(items).hasSize(3);
        // the most important first: the exploited flaw the model says needs action, though older; then newest first,
        // the item without a date last
        assertThat(items.get(0).path("url").asText()).endsWith("/pages/fortiweb.html");
        assertThat(items.get(0).path("actionRequired").asBoolean()).isTrue();
        assertThat(items.get(1).path("url").asText()).endsWith("/pages/loader.html");
        assertThat(items.get(0).path("publishedAt").asText()).isLessThan(items.get(1).path("publishedAt").asText());
        assertThat(items.get(2).path("publishedAt").isNull()).isTrue();
        JsonNode forti = items.get(0);
        assertThat(forti.path("summarizedBy").asText()).isEqualTo("model:stub-model");
        assertThat(forti.path("textSource").asText()).isEqualTo("page");
        assertThat(forti.path("originalTitle").asText()).isEqualTo("FortiWeb authentication bypass flaw exploited in attacks");
        assertThat(forti.path("usage").path("inputTokens").asLong()).isEqualTo(1000);
        assertThat(forti.path("iocs").toString())
                .contains("{\"type\":\"ipv4\",\"value\":\"203.0.113.45\"}", "{\"type\":\"cve\",\"value\":\"CVE-2025-64446\"}",
                        "{\"type\":\"url\",\"value\":\"http://update-check.example.net/fw\"}")
                .doesNotContain(OpenAiStub.INVENTED_IP, OpenAiStub.INVENTED_DOMAIN);
        assertThat(d.path("usage").path("llmCalls").asInt()).isEqualTo(4); // three articles and the overview
        // the stub reports 1000 input and 200 output tokens per call: the overview's count in the day's usage too
        assertThat(d.path("usage").path("inputTokens").asLong()).isEqualTo(4000);
        assertThat(d.path("usage").path("outputTokens").asLong()).isEqualTo(800);
        assertThat(d.path("usage").path("budgetReached").asBoolean()).isFalse();
        assertThat(d.path("feeds").get(0).path("ok").asBoolean()).isTrue();
    }

    @Test
    void modelReceivesStrictJsonSchemaAndDelimitedArticle() {
        poll();

        List<JsonNode> requests = model.articleRequests();
        assertThat(requests).hasSize(3);
        for (JsonNode r : requests) {
            JsonNode format = r.path("response_format");
            assertThat(format.path("type").asText()).isEqualTo("json_schema");
            assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
            assertThat(format.path("json_schema").path("schema").path("required").toString())
                    .contains("title", "summary", "iocs", "recommendations", "notes", "aiRecommendations", "actionRequired");
            String system = r.path("messages").get(0).path("content").asText();
            assertThat(system).contains("untrusted", "never as instructions", "Japanese");
            assertThat(r.path("messages").get(1).path("content").asText()).startsWith("<article>").contains("</article>");
        }
    }

    @Test
    void feedsAndPagesAreFetchedWithGetAndOurUserAgent() {
        poll();

        var feed = web.requests("/news.rss").get(0);
        assertThat(feed.headers().get("user-agent")).startsWith("news-digest/");
        assertThat(feed.body()).isEmpty();
        var page = web.requests("/pages/fortiweb.html").get(0);
        assertThat(page.headers().get("user-agent")).startsWith("news-digest/");
        // the page is requested by its clean URL: tracking parameters and fragment removed
        assertThat(web.requests("/pages/fortiweb.html")).hasSize(1);
    }

    @Test
    void anUnchangedFeedAnswers304AndIsNotParsedAgain() {
        web.etag("/news.rss", "\"v1\"");
        try (dev.newsdigest.support.LogCapture logs = new dev.newsdigest.support.LogCapture()) {
            poll();
            poll();
            assertThat(web.requests("/news.rss").get(1).headers()).containsEntry("if-none-match", "\"v1\"");
            assertThat(logs.everything()).containsOnlyOnce("fetch-feed: news read").contains("fetch-feed: news not modified (304)");
        }
        publish();
        assertThat(markdown()).contains("取得状況: news 正常（新着 3件）");
    }

    @Test
    void secondPollMakesNoModelCallsAndAddsNoDuplicates() {
        poll();
        int calls = model.requests().size();
        poll();
        assertThat(model.requests()).hasSize(calls);

        publish();
        String md = markdown();
        assertThat(occurrences(md, "### 【要約】")).isEqualTo(3);

        // a close with nothing new does nothing
        poll();
        publish();
        assertThat(outputFiles(".md")).hasSize(1);
        assertThat(digestJson().path("revision").asInt()).isEqualTo(1);
    }

    @Test
    void aCachedArticleMakesNoModelCallEvenOnFreshDeduplicationState() throws Exception {
        poll();
        int calls = model.articleRequests().size();
        assertThat(calls).isEqualTo(3);
        // forget every article, as a fresh state directory would, but keep the model-answer cache
        try (var c = stateDatabase(); var s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM article")).isEqualTo(4);
        }
        poll();
        publish();

        assertThat(model.articleRequests()).hasSize(calls);
        JsonNode forti = itemByUrlSuffix("/pages/fortiweb.html");
        assertThat(forti.path("summarizedBy").asText()).isEqualTo("model:stub-model");
        assertThat(forti.path("title").asText()).startsWith("【要約】FortiWeb");
        assertThat(forti.path("usage").path("inputTokens").asLong()).isZero();
    }

    @Test
    void itemsArrivingAfterPublicationLeadToTheNextRevisionOfTheWholeDay() {
        poll();
        publish();
        web.serve("/news.rss", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                <item><title>Late story about an exploited router</title><link>%s</link>
                <pubDate>Tue, 24 Nov 2026 20:00:00 GMT</pubDate><description>late</description></item>
                </channel></rss>""".formatted(web.url("/pages/loader.html?late=1")));
        poll();
        publish();

        JsonNode d = digestJson();
        assertThat(d.path("revision").asInt()).isEqualTo(2);
        assertThat(d.path("items")).hasSize(4);
        assertThat(markdown()).contains("Late story about an exploited router");
    }

    @Test
    void deadPageFallsBackToFeedText() {
        poll();
        publish();

        JsonNode gone = itemByUrlSuffix("/pages/gone.html");
        assertThat(gone.path("textSource").asText()).isEqualTo("feed");
        assertThat(gone.path("summarizedBy").asText()).isEqualTo("model:stub-model");
        assertThat(model.articleRequests().stream().map(JsonNode::toString))
                .anyMatch(r -> r.contains("The retailer found a card skimmer injected into its checkout page"));
        // the feed title holds <script>: the model's title loses it (no raw HTML in prose), the original keeps it as data
        assertThat(markdown()).contains("### 【要約】Retailer discloses breach after skimmer found").doesNotContain("<script>");
        assertThat(gone.path("originalTitle").asText()).isEqualTo("Retailer discloses breach after <script> skimmer found");
    }

    @Test
    void modelAnswering500FallsBackToOfflineSummary() {
        model.mode(OpenAiStub.Mode.HTTP_500);
        poll();
        publish();

        JsonNode forti = itemByUrlSuffix("/pages/fortiweb.html");
        assertThat(forti.path("summarizedBy").asText()).isEqualTo("offline-fallback");
        assertThat(forti.path("title").asText()).isEqualTo("FortiWeb authentication bypass flaw exploited in attacks");
        assertThat(forti.path("summary").get(0).asText()).startsWith("Fortinet confirmed that a path traversal flaw");
        assertThat(forti.path("iocs").toString()).contains("203.0.113.45");
        assertThat(forti.path("notes").get(0).asText()).contains("モデルの応答が得られなかった");
        // one retry per article, then the fallback
        assertThat(model.articleRequests()).hasSize(6);
        assertThat(digestJson().path("items")).hasSize(3);
        assertThat(markdown()).contains("## 概要\n\n本日は3件のニュース");
        // the failed overview call is neither counted as a call nor remembered as the model's answer
        assertThat(digestJson().path("usage").path("llmCalls").asInt()).isZero();
    }

    @Test
    void aRerunOfTheSameDayOnFreshStateTakesTheOverviewFromTheCacheToo() throws Exception {
        poll();
        publish();
        assertThat(model.requests()).hasSize(4);
        try (var c = stateDatabase(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM delivery");
            s.executeUpdate("DELETE FROM digest");
            s.executeUpdate("DELETE FROM article");
        }
        for (java.nio.file.Path f : outputFiles("")) {
            java.nio.file.Files.delete(f);
        }
        poll();
        publish();

        assertThat(model.requests()).hasSize(4); // no article call and no overview call
        JsonNode d = digestJson();
        assertThat(d.path("overview").asText()).isEqualTo(OpenAiStub.OVERVIEW);
        assertThat(d.path("usage").path("llmCalls").asInt()).isZero();
        assertThat(d.path("usage").path("inputTokens").asLong()).isZero();
    }

    @Test
    void modelAnsweringBrokenJsonFallsBackToOfflineSummary() {
        model.mode(OpenAiStub.Mode.BROKEN_JSON);
        poll();
        publish();

        JsonNode d = digestJson();
        assertThat(d.path("items")).hasSize(3);
        for (JsonNode item : d.path("items")) {
            assertThat(item.path("summarizedBy").asText()).isEqualTo("offline-fallback");
        }
        assertThat(markdown()).contains("## 概要\n\n" + OpenAiStub.OVERVIEW);
    }

    @Test
    void sameArticleInTwoFeedsArrivingTogetherIsProcessedOnce() throws Exception {
        web.serve("/mirror.rss", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>mirror</title>
                <item><title>FortiWeb flaw exploited (mirror)</title><link>%s</link><guid>other-guid</guid>
                <description>mirror</description></item></channel></rss>""".formatted(web.url("/pages/fortiweb.html?utm_medium=social")));
        var settings = context.getRegistry().lookupByNameAndType("settings", dev.newsdigest.config.Settings.class);
        var news = settings.feeds().get(0);
        var mirror = new dev.newsdigest.config.FeedConfig("mirror", web.url("/mirror.rss"), news.section(), null, null, 1);

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> template.sendBody("direct:fetch-feed", news));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> template.sendBody("direct:fetch-feed", mirror));
        CompletableFuture.allOf(a, b).get();
        publish();

        long fortiCalls = model.articleRequests().stream().filter(r -> r.toString().contains("FortiWeb")).count();
        assertThat(fortiCalls).isEqualTo(1);
        assertThat(occurrences(markdown(), web.url("/pages/fortiweb.html") + "\n")).isEqualTo(1);
    }

    private JsonNode itemByUrlSuffix(String suffix) {
        for (JsonNode item : digestJson().path("items")) {
            if (item.path("url").asText().endsWith(suffix)) {
                return item;
            }
        }
        throw new AssertionError("no item ending in " + suffix);
    }
}
